"""The four hypewatch spiders; `scrapy list` names them."""
