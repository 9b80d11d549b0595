"""The office's working-day calendar, from the holiday table.

- `working_days`: every working-day question of the program (护学岗 school days, shift generation, case
  deadlines, the week grid and month view), estimated for years without an entered arrangement.
- `holiday_arrangements`: entering a year's arrangement (the State Council's notice, the 自治区's
  肉孜节/古尔邦节, the office's own days), all or nothing, and the open deadlines recomputed.
"""
