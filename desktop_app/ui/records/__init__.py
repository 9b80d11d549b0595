"""The 工作记录 tab: work records, trainings, points and stars, the 工作简报."""
