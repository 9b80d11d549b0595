"""The county view in the window: 文件 → 导出数据包… at an office, 文件 → 导入数据包… and the 各单位 page at the
county (services/county/)."""
