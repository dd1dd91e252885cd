"""Scrapy project: the crawlers that fetch documents for hypewatch."""
