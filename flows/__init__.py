"""Prefect flows that wire the stages together: crawl -> classify -> land."""
