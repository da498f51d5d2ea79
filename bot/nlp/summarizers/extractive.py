"""Extractive summaries that need no download: lead prior + embedding centrality + MMR.

News puts the key facts first, so a sentence's position is the strongest signal;
sentence embeddings (all-MiniLM-L6-v2, installed with newsbot) add how central a
sentence is to the whole article, and maximal marginal relevance keeps two
sentences that say the same thing from both being picked.  The chosen sentences
are returned in article order, about ``target_words`` long.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import ClassVar

import numpy as np
from pydantic import Field

from bot.domain import Summary
from bot.nlp.summarizers.base import BackendOptions, Summarizer, register
from bot.nlp.text import clean_for_summary, split_sentences

Embed = Callable[[Sequence[str]], np.ndarray]

# Agency datelines and tabloid page furniture at the start of wire copy.
_DATELINE = re.compile(r"^(?:\(CNN\)\s*|[A-Z][A-Za-z .,'-]{0,40}\((?:CNN|Reuters|AP|AFP)\)\s*(?:--|—|-)?\s*)")
_TABLOID = re.compile(r"(?:By \. [^.]{1,80} \. )?(?:PUBLISHED: \. [^|]*\| \. )?(?:UPDATED: \. \d+:\d+ \w+, \d+ \w+ \d{4} \. )?")


class ExtractiveOptions(BackendOptions):
    target_words: int = Field(65, ge=15, le=400, description="Sentences are added until the summary is this long.")
    min_sentences: int = Field(2, ge=1, le=10)
    max_sentences: int = Field(5, ge=1, le=20)
    lead_decay: float = Field(2.0, gt=0.0, description="Sentences after which the position prior halves.")
    centrality_weight: float = Field(0.0, ge=0.0, description="How much similarity to the whole article counts.")
    redundancy: float = Field(0.4, ge=0.0, le=1.0, description="MMR: how strongly repeated content is avoided.")
    quote_penalty: float = Field(0.3, ge=0.0, description="Direct quotes rarely make good summary sentences.")
    min_sentence_words: int = Field(6, ge=1)
    embedding_model: str = "sentence-transformers/all-MiniLM-L6-v2"


_QUOTE = re.compile(r"^[\"'“‘]")
_PARENTHESIS = re.compile(r"\s*\([^)]{0,80}\)")
_LEADING_LINK = re.compile(r"^(?:But|And|However|Meanwhile|Now|So),?\s+")


def prepare(text: str) -> list[str]:
    """Clean ``text`` and split it into candidate sentences."""
    text = clean_for_summary(text)
    text = _DATELINE.sub("", text.strip())
    text = _TABLOID.sub("", text, count=1).strip()
    return [s for s in split_sentences(text) if s.strip()]


def tighten(sentence: str) -> str:
    """Drop asides a summary doesn't need: parentheses and a leading 'But'/'And'."""
    out = _LEADING_LINK.sub("", _PARENTHESIS.sub("", sentence)).strip()
    return out[:1].upper() + out[1:] if out else sentence


def select(sentences: Sequence[str], vectors: np.ndarray, opts: ExtractiveOptions) -> list[int]:
    """Indices of the sentences to keep, in article order (pure).

    Relevance is the position prior (plus, optionally, centrality) less a penalty for
    direct quotes; sentences are picked by maximal marginal relevance until the
    summary reaches ``target_words``.
    """
    n = len(sentences)
    if n == 0:
        return []
    words = [len(s.split()) for s in sentences]
    eligible = [i for i in range(n) if words[i] >= opts.min_sentence_words] or list(range(n))
    centroid = vectors[eligible].mean(axis=0)
    norm = float(np.linalg.norm(centroid))
    centrality = vectors @ (centroid / norm) if norm else np.zeros(n)
    relevance = {
        i: math.pow(0.5, rank / opts.lead_decay) + opts.centrality_weight * float(centrality[i])
        - opts.quote_penalty * bool(_QUOTE.match(sentences[i]))
        for rank, i in enumerate(eligible)
    }
    chosen: list[int] = []
    total = 0
    while len(chosen) < opts.max_sentences and (total < opts.target_words or len(chosen) < opts.min_sentences):
        candidates = [i for i in eligible if i not in chosen]
        if not candidates:
            break

        def mmr(i: int) -> float:
            repeat = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
            return relevance[i] - opts.redundancy * repeat

        best = max(candidates, key=mmr)
        chosen.append(best)
        total += words[best]
    return sorted(chosen)


@register
class ExtractiveSummarizer(Summarizer):
    name: ClassVar[str] = "extractive"
    Options: ClassVar[type[BackendOptions]] = ExtractiveOptions

    def __init__(self, model: str, options: BackendOptions, *, embed: Embed | None = None) -> None:
        super().__init__(model, options)
        assert isinstance(options, ExtractiveOptions)
        self.opts = options
        self._embed = embed

    def _embedder(self) -> Embed:
        if self._embed is None:
            from bot.nlp.embeddings import load_embedder

            self._embed = load_embedder(self.opts.embedding_model).embed
        return self._embed

    def summarize(self, texts: Sequence[str]) -> list[Summary]:
        docs = [prepare(t) for t in texts]
        flat = [s for d in docs for s in d]
        # One embedding call for every sentence of the batch: far faster than one per article.
        vectors = self._embedder()(flat) if flat else np.zeros((0, 1), dtype=np.float32)
        out = []
        offset = 0
        for sentences in docs:
            block = vectors[offset:offset + len(sentences)]
            offset += len(sentences)
            keep = select(sentences, block, self.opts)
            out.append(Summary(text=" ".join(tighten(sentences[i]) for i in keep), backend=self.name,
                               model=self.opts.embedding_model))
        return out
