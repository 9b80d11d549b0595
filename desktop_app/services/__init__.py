"""The use cases of the program, on the models, with no Qt: the window, the CLI and the tests all call these.

One package per feature, mirroring `ui/`:
    roster/         members, teams, leave, roster search, import and export
    schedule/       posts and patterns, shifts, the duty rules, assignments, the auto-scheduler, attendance,
                    the week grid, the month overview, the duty sheet
    cases/          the case form, parties and mediators, sessions and follow-ups, the workflow (status
                    changes, numbers, deadlines), the register, figures, documents' data, the USB export
    certificates/   templates, content, issuing, the register and verification, batches
    records/        recorded service: hours (activities, trainings, points and reports as they land)
    dashboard/      the 首页 figures
Shared modules stay here: audit, accounts, office, settings, storage (opening a data folder) and
storage_errors (why it could not be opened), backup/ (verified, rotated, automatic copies; archive
the encrypted .7z for a stick; password; restore, checked beside, then swapped in), files (the one
verified writer), progress, usb_export (verified folders with a manifest).
"""
