"""Several clients at one database (issue 19): what keeps two PCs' work apart and together.

- `versions`: a form's save never silently overwrites another client's (the record's version, the refusal
  "此记录已被 张警官 于 10:42 修改").
- `changes`: what other clients changed since the window last looked, so the tabs showing it refresh.
"""
