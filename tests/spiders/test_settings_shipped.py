"""The politeness and safety settings as shipped: every crawl in the suite runs with the
sample web's faster pacing, so these are checked here, on the settings a user's crawl gets
(`scrapy crawl` from the repository root reads them through scrapy.cfg)."""

from __future__ import annotations

from pathlib import Path

from scrapy.utils.project import get_project_settings

REPO = Path(__file__).resolve().parents[2]


def test_polite_and_capped_by_default(monkeypatch):
    monkeypatch.chdir(REPO)
    s = get_project_settings()
    assert s.getbool("ROBOTSTXT_OBEY")
    assert s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 1
    assert s.getbool("AUTOTHROTTLE_ENABLED") and s.getfloat("AUTOTHROTTLE_TARGET_CONCURRENCY") <= 1
    assert s.getfloat("DOWNLOAD_DELAY") >= 1.0
    assert s.getint("DOWNLOAD_MAXSIZE") == 10 * 1024 * 1024
    assert s.getint("DOWNLOAD_TIMEOUT") == 30
    assert "contact" in s.get("USER_AGENT")
    # The SEC asks for at most 10 requests a second: one at a time, 0.1 s apart at least.
    sec = s.getdict("DOWNLOAD_SLOTS")["sec.gov"]
    assert sec["concurrency"] == 1 and sec["delay"] >= 0.1


def test_no_control_endpoints_and_the_guard_is_on(monkeypatch):
    monkeypatch.chdir(REPO)
    s = get_project_settings()
    assert not s.getbool("TELNETCONSOLE_ENABLED")
    extensions = s.getdict("EXTENSIONS")
    assert extensions["scrapy.extensions.telnet.TelnetConsole"] is None
    assert extensions["scrapy.extensions.remote_control.RemoteControl"] is None
    assert s.getdict("DOWNLOADER_MIDDLEWARES")["spiders.middlewares.AddressGuardMiddleware"] == 50
    assert s.get("TWISTED_DNS_RESOLVER") == "spiders.resolver.GuardedResolver"
    assert s.getlist("ADDRESS_GUARD_ALLOWED_HOSTS") == []
