"""Static MiniLM: IDF-weighted means of token vectors distilled from the MiniLM weights."""

from __future__ import annotations

import numpy as np

from replyscope.analyze.embed.tfidf import l2_normalise


class MiniLMStatic:
    """IDF-weighted mean of MiniLM-distilled token vectors (see minilm.static_token_vectors)."""

    name = "minilm-static"

    def __init__(self, *, seed: int = 0) -> None:
        self.seed = seed  # unused: nothing random here; kept so every part builds the same way

    def fit_transform(self, texts: list[str]) -> np.ndarray:
        import scipy.sparse as sp  # noqa: PLC0415

        from replyscope.analyze.embed.minilm import load_minilm, static_token_vectors  # noqa: PLC0415

        table = static_token_vectors()
        model = load_minilm()
        n = len(texts)
        if n == 0:
            return np.zeros((0, table.shape[1]), dtype=np.float32)
        encodings = model.tokenizer.encode_batch([t or "" for t in texts], add_special_tokens=False)
        lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=n)
        cols = np.fromiter((i for e in encodings for i in e.ids), dtype=np.int64, count=int(lengths.sum()))
        rows = np.repeat(np.arange(n), lengths)
        counts = sp.csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(n, table.shape[0]))
        counts.sum_duplicates()
        # Sublinear term frequency and corpus IDF, as in TF-IDF: frequent function-word pieces
        # ("the", "##s") would otherwise swamp the words that carry the argument.
        counts.data = 1.0 + np.log(counts.data)
        df = np.bincount(counts.indices, minlength=table.shape[0]).astype(np.float32)
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        weighted = counts @ sp.diags(idf.astype(np.float32))
        return l2_normalise(np.asarray(weighted @ table, dtype=np.float32))
