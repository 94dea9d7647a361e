"""PyInstaller runtime hook: point libmagic at the magic database shipped in the bundle.

The bundle carries libmagic.so.1 *and* the compiled database it was built with (libmagic/magic.mgc), so
MIME detection does not depend on the target machine having libmagic1/libmagic-mgc installed (nor on
its version matching). A MAGIC variable already set by the user wins.
"""

import os
import sys

_db = os.path.join(getattr(sys, "_MEIPASS", os.path.dirname(sys.executable)), "libmagic", "magic.mgc")
if os.path.isfile(_db):
    os.environ.setdefault("MAGIC", _db)
del _db
