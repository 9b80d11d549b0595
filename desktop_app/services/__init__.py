"""The use cases of the program, on the models, with no Qt: the window, the CLI and the tests all call these.

One package per feature, mirroring `ui/`:
    roster/         members, teams, leave, roster search, import and export
    schedule/       posts and patterns, shifts, the duty rules, assignments, the auto-scheduler, attendance,
                    the week grid, the month overview, the duty sheet
    cases/          the case form, parties and mediators, sessions and follow-ups, the workflow (status
                    changes, numbers, deadlines), the register, figures, documents' data, the USB export
    certificates/   templates, content, issuing, the register and verification, batches
    records/        recorded service: activities, trainings, hours, points, reports
    dashboard/      the 首页 figures and the records behind each
    county/         the county view: an office's sealed data packages, the county's reading of them
and the shared ones:
    accounts/       operators (logging in, account management) and roles (who is acting, what each role
                    may do: the one permission check)
    office/         the office's details and its key → value settings
    calendar/       working days and entering a year's holiday arrangement
    storage/        opening a data folder, why it could not be opened, many rows at once
    files/          files leaving the program: the one verified writer, USB exports with a manifest
    backup/         verified, rotated, automatic copies; the encrypted .7z for a stick; restore
    clients/        several clients at one database: record versions, what other clients changed
At the root, what every feature uses: audit (the trail), numbering (the never-reused counter), progress
(the long-work protocol), recycle_bin (the 回收站 across kinds), user_guide (the 帮助's manual).
"""
