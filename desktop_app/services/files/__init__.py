"""Files leaving the program (DESIGN.md §6): what exists under its name is complete and checked.

- `writer`: the one verified writer every file for the user goes through (PDFs, workbooks, reports,
  backups): temporary name, fsync, rename, read back and compare; a clear Chinese error otherwise.
- `usb_export`: a folder of such files with a manifest on a stick, nothing that looks complete after
  a failure half-way.
"""
