"""设置 → 节假日安排: the year calendar and the dialog to enter a notice."""
