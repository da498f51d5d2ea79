"""Summariser backends.  Importing this package registers the built-in ones."""

from bot.nlp.summarizers import endpoint, extractive  # noqa: F401  (registration)
