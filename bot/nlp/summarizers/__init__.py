"""Summariser backends.  Importing this package registers the built-in ones.

Models load lazily (on the first ``summarize``), so importing is cheap.
"""

from bot.nlp.summarizers import auto, endpoint, extractive, seq2seq  # noqa: F401  (registration)
from bot.nlp.summarizers.base import Summarizer, backend_class, parse_options, register, registered

__all__ = ["Summarizer", "backend_class", "parse_options", "register", "registered"]
