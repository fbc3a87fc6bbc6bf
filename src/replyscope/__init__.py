"""replyscope: reader comments out of scraped pages, their stance and rhetoric, grouped and reported."""

__version__ = "0.1.0"

# The split runs compiled (mypyc) when `replyscope compile` has built it for these very sources;
# see replyscope.compiled. Installing the finder reads nothing yet. (The compiled-pattern cache,
# regex_cache, is no part of importing replyscope: it patches `re` for the whole process, so only
# replyscope's own processes install it, the CLI (replyscope.cli) and its workers (replyscope.workers).)
from replyscope import compiled as _compiled  # noqa: E402

_compiled.install()
