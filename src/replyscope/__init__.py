"""replyscope: reader comments out of scraped pages, their stance and rhetoric, grouped and reported."""

__version__ = "0.1.0"

# The split runs compiled (mypyc) when `replyscope compile` has built it for these very sources;
# see replyscope.compiled. Installing the finder reads nothing yet.
from replyscope import compiled as _compiled  # noqa: E402
from replyscope import regex_cache as _regex_cache  # noqa: E402

_compiled.install()
# Patterns compiled by an earlier process are read back, not compiled again (see regex_cache).
_regex_cache.install()
