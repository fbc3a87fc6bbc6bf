"""Encoders: texts in, (n, d) float32 unit rows out.

- minilm.py   all-MiniLM-L6-v2 in numpy (and the earlier static token-vector distillation)
- distilled.py the Model2Vec-style static distillation: the default representation at every size
- static.py   the earlier static distillation as a representation (kept for comparison)
- tfidf.py    TF-IDF + SVD (LSA), no model files
- cache.py    the one sentence-vector cache and the choice of full encoder (ONNX hook)
- represent.py the registry of representations by name, the default (DEFAULT) and the one
               fallback rule (`resolve`), none of which depends on the number of texts

The package does not re-export the function `represent`: it would shadow the module
`embed.represent` for `import ... as` (use `embed.represent.represent` or `embed_texts`).
"""

from replyscope.analyze.embed.cache import sentence_vectors, transformer_available
from replyscope.analyze.embed.represent import (
    REPRESENTATIONS,
    embed_texts,
    get_representation,
    register_representation,
    resolve,
)
from replyscope.analyze.embed.tfidf import l2_normalise

__all__ = [
    "REPRESENTATIONS",
    "embed_texts",
    "get_representation",
    "l2_normalise",
    "register_representation",
    "resolve",
    "sentence_vectors",
    "transformer_available",
]
