"""Let pandera see figcheck's models as what they are: pandas tables only.

When dask is installed (it is, for Prefect's Dask task runner), pandera imports
``dask.dataframe`` the first time it builds a schema, only to ask whether a model field is
annotated with a Dask index or series (``pandera.typing.get_index_types``). That import
costs over a second of CPU in every run, and figcheck's models annotate pandas types only.
Importing this module before a schema is built gives pandera an empty Dask typing module,
unless dask.dataframe is loaded already (then pandera's own module is used). Validating
pandas tables is unchanged; Dask tables are never validated by figcheck.
"""

from __future__ import annotations

import sys
import types

_NAME = "pandera.typing.dask"

if _NAME not in sys.modules and "dask.dataframe" not in sys.modules:
    _stub = types.ModuleType(_NAME, "pandera's Dask annotations, left out (checks.pandas_only)")
    _stub.DASK_INSTALLED = False  # the one name pandera reads from it for pandas models
    sys.modules[_NAME] = _stub
