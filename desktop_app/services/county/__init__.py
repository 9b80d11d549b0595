"""The county view (issue 20): offline offices send sealed data packages on a stick, the county sees them all.

Each office stays the only writer of its own records; the county reads them, so no two places ever edit
the same row and there is nothing to reconcile.

- identity.py: which office a folder is (uuid, name, 机构代码) and whether it is the county's;
- keys.py: the office's signing key and the county's keys, as files in the data folder, and fingerprints;
- package_format.py: the bytes of a package (signed, sealed to the county), opened with the reason of a refusal;
- snapshot.py, export.py: the office's side — a consistent snapshot and the package written to the stick;
- copies.py, importing.py: the county's side — one copy file per office, brought to each newer package;
- reports.py: the 工作简报 over the offices' copies, per office and added up.
"""
