"""Scrapy settings for the hypewatch spiders: polite and capped by default.

Tests and the sample web loosen the pacing with `-s` (DOWNLOAD_DELAY, AUTOTHROTTLE_*,
EDGAR_*_URL); everything about safety (robots.txt, the address guard, size and time caps,
no control endpoints) stays on.
"""

BOT_NAME = "hypewatch"

SPIDER_MODULES = ["spiders.spiders"]
NEWSPIDER_MODULE = "spiders.spiders"

# Who we are and how to reach us; the edgar spider sends the sources file's
# edgar.user_agent instead when one is given (the SEC asks every client for a contact).
USER_AGENT = "hypewatch/0.1 (AI-washing research crawler; +https://github.com/hypewatch/hypewatch; contact: hypewatch@example.org)"

# --- politeness ------------------------------------------------------------------------
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
COOKIES_ENABLED = False

# Retries with exponential backoff that honour Retry-After (spiders.middlewares).
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 1.0  # seconds before the first retry; doubles each time
RETRY_BACKOFF_MAX = 60.0
RETRY_AFTER_MAX = 120.0  # a longer Retry-After is not waited for: the URL becomes a fetch error

# --- caps --------------------------------------------------------------------------------
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # also caps gzip-decompressed bodies (gzip bombs)
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
REDIRECT_MAX_TIMES = 5
DEPTH_LIMIT = 5
URLLENGTH_LIMIT = 2000
CLOSESPIDER_PAGECOUNT = 20000
CLOSESPIDER_TIMEOUT = 3 * 3600

# --- no control endpoints ------------------------------------------------------------------
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "scrapy.extensions.remote_control.RemoteControl": None,
    "spiders.exporters.FetchErrorsWriter": 500,
}

# The guard again at connection time (DNS rebinding).
TWISTED_DNS_RESOLVER = "spiders.resolver.GuardedResolver"
# host:port values the address guard lets through even with private networks off.
ADDRESS_GUARD_ALLOWED_HOSTS: list[str] = []

# --- our parts -------------------------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    # The guard sits before everything that can send or re-send a request.
    "spiders.middlewares.AddressGuardMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.BackoffRetryMiddleware": 550,
    # Same positions as Scrapy's; they also report redirect loops instead of losing them.
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "spiders.middlewares.LoopAwareMetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "spiders.middlewares.LoopAwareRedirectMiddleware": 600,
}
SPIDER_MIDDLEWARES = {
    # Outermost: turns an exception in a callback into a fetch_errors row.
    "spiders.middlewares.FetchErrorSpiderMiddleware": 10,
}
ITEM_PIPELINES = {
    "spiders.pipelines.ValidateDocumentPipeline": 100,
    "spiders.pipelines.DedupeUrlPipeline": 200,
    "spiders.pipelines.DedupeContentPipeline": 300,
}
FEED_EXPORTERS = {"parquet": "spiders.exporters.ParquetDocumentsExporter"}
FEED_EXPORT_ENCODING = "utf-8"
# Where FetchError items go; empty means "<stem>.fetch_errors.parquet" beside the first
# parquet feed (see spiders.exporters.FetchErrorsWriter).
HYPEWATCH_FETCH_ERRORS = ""

PRESS_RELEASES_MAX_ITEMS_PER_FEED = 200  # newest first, as feeds list them

# EDGAR endpoints (the real SEC hosts); tests and the sample web point them at 127.0.0.1.
EDGAR_DATA_URL = "https://data.sec.gov"
EDGAR_ARCHIVES_URL = "https://www.sec.gov"
EDGAR_SEARCH_URL = "https://efts.sec.gov/LATEST"
EDGAR_MAX_SEARCH_HITS = 200  # per search term
EDGAR_MAX_FILINGS_PER_COMPANY = 40  # newest first, per company
# SEC fair access: at most 10 requests/s to all of its hosts together (one download slot).
DOWNLOAD_SLOTS = {"sec.gov": {"concurrency": 1, "delay": 0.1, "jitter": 0}}

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
