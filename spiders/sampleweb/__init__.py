"""The bundled offline sample web: made-up company sites, EDGAR-shaped endpoints, feeds,
PDF decks and misbehaving pages, served on 127.0.0.1 for `hypewatch run`, the tests and demos.

Everything here is written by the project. `server.running()` starts it; `manifest` says what a
default crawl of it must yield, derived from the same content that renders the pages.
"""
