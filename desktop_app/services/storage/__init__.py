"""The data store: opening a data folder and reading and writing many rows at once.

- `data_folder`: opening a data folder (the database file, its check at start, its migrations, leftover
  temporary files), and a missing data file next to kept copies.
- `errors`: why a data folder could not be opened, told apart, each with its message and exit code.
- `bulk`: the batch entry points' many rows at once (one prepared INSERT in chunks, raw reads, ids).
"""
