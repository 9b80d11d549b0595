"""The office itself: its details and its settings.

- `details`: 单位名称, 上级单位, 负责人, the number prefix of its 治安调解 cases, and whether it counts
  新疆's holidays.
- `settings`: plain key → JSON value settings kept in the data folder's database.
"""
