# peewee's query API is dynamic (model fields, `Model.id`, `.tuples()` rows, FK `_id` accessors) and its
# bundled stubs cannot describe our models; mypy treats peewee as untyped (Any) instead.
from typing import Any

def __getattr__(name: str) -> Any: ...
