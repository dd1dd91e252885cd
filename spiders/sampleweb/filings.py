"""What the sample companies file with the (sample) SEC.

Filings never change once filed, as on the real EDGAR: the second night only adds a filing
(`since_variant=2`). Non-target forms (4, DEF 14A, S-8, SC 13G) are listed in the submissions
JSON like real ones, so the edgar spider must filter by form; their documents are not served.
"""

from __future__ import annotations

from .model import C, Exhibit, Filing, h2, h3, p

QUANTLEAF_FILINGS = (
    Filing(
        "10-K",
        11,
        "2026-03-02",
        "2025-12-31",
        "qlf-20251231.htm",
        "10-K",
        "Annual report for the fiscal year ended December 31, 2025",
        (
            h2("PART I"),
            h3("Item 1. Business"),
            p(
                "Quantleaf Capital Holdings, Inc. is a holding company whose subsidiary, Quantleaf Advisers LLC, "
                "is an investment adviser registered with the SEC.",
                "At December 31, 2025 we managed $1.9 billion for approximately 21,000 clients.",
                C(
                    "We leverage proprietary artificial intelligence throughout our investment process.",
                    "VAGUE",
                ),
            ),
            h3("Item 1A. Risk Factors"),
            p(
                C(
                    "Our portfolio-construction models, which rank about 1,400 U.S. equities weekly using price and "
                    "filing data, may perform poorly in market conditions unlike those of their 2012 to 2024 "
                    "training period.",
                    "SPECIFIC",
                ),
                C(
                    "Regulators, including the SEC, have proposed rules on the use of predictive data analytics by "
                    "investment advisers, which could increase our compliance costs.",
                    "NONE",
                ),
            ),
            h3(
                "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations"
            ),
            p("Advisory fee revenue increased 19% as average assets under management grew."),
        ),
        facts=(
            ("Revenues", "Total revenues", 16_420_000),
            ("NetIncomeLoss", "Net income", 2_310_000),
        ),
    ),
    Filing(
        "8-K",
        14,
        "2026-03-02",
        "2026-03-02",
        "qlf-20260302.htm",
        "8-K",
        "Current report: results of operations and financial condition",
        (
            h3("Item 2.02 Results of Operations and Financial Condition."),
            p(
                "On March 2, 2026, the Company issued a press release announcing its results for the fourth "
                "quarter and fiscal year ended December 31, 2025.",
                "A copy of the press release is furnished as Exhibit 99.1.",
            ),
            h3("Item 9.01 Financial Statements and Exhibits."),
            p("(d) Exhibit 99.1: Press release dated March 2, 2026."),
        ),
        exhibits=(
            Exhibit(
                "ex99-1.htm",
                "EX-99.1",
                "PRESS RELEASE DATED MARCH 2, 2026",
                "Quantleaf Reports Fourth Quarter and Full Year 2025 Results",
                (
                    p(
                        "NEW YORK, March 2, 2026 -- Quantleaf Capital Holdings, Inc. (Nasdaq: QLF) today reported "
                        "results for the fourth quarter and full year 2025.",
                        "Assets under management rose 22% to $1.9 billion.",
                        C(
                            "\u201cOur AI engine delivered another year of market-beating returns for clients,\u201d "
                            "said chief executive Alan Whitcombe.",
                            "VAGUE",
                            "SUPERLATIVE",
                        ),
                    ),
                ),
            ),
        ),
        items="2.02,9.01",
    ),
    Filing(
        "4",
        15,
        "2026-03-05",
        "2026-03-03",
        "xslF345X05/wk-form4.xml",
        "4",
        "Statement of changes in ownership",
    ),
)

SABLEWOOD_FILINGS = (
    Filing(
        "10-K",
        8,
        "2026-02-26",
        "2025-12-31",
        "sbwd-20251231.htm",
        "10-K",
        "Annual report for the fiscal year ended December 31, 2025",
        (
            h2("PART I"),
            h3("Item 1. Business"),
            p(
                "Sablewood Grid Analytics, Inc. sells load-forecasting software to electric utilities and "
                "cooperatives.",
                C(
                    "Our LoadCast product uses gradient-boosted tree models trained on customers' hourly meter data "
                    "and weather data to forecast substation load up to 48 hours ahead.",
                    "SPECIFIC",
                ),
            ),
            h3("Item 1A. Risk Factors"),
            p(
                C(
                    "Our LoadCast forecasting models may produce inaccurate forecasts during extreme weather that is "
                    "rare in their training data, which could cause customers to buy too much or too little power.",
                    "SPECIFIC",
                ),
                C(
                    "The use of artificial intelligence by utilities is subject to evolving regulation.",
                    "NONE",
                ),
            ),
            h3(
                "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations"
            ),
            p("Subscription revenue grew 18% as we added 212 substations under contract."),
        ),
        facts=(
            ("Revenues", "Total revenues", 84_200_000),
            ("NetIncomeLoss", "Net loss", -3_900_000),
        ),
    ),
    Filing(
        "8-K",
        6,
        "2026-02-12",
        "2026-02-12",
        "sbwd-20260212.htm",
        "8-K",
        "Current report: results of operations and financial condition",
        (
            h3("Item 2.02 Results of Operations and Financial Condition."),
            p(
                "On February 12, 2026, Sablewood issued a press release announcing its results for the quarter and "
                "year ended December 31, 2025, furnished as Exhibit 99.1."
            ),
        ),
        exhibits=(
            Exhibit(
                "ex99-1.htm",
                "EX-99.1",
                "PRESS RELEASE",
                "Sablewood Reports Fourth Quarter and Full Year 2025 Results",
                (
                    p(
                        "COLUMBUS, Ohio, Feb. 12, 2026 -- Sablewood Grid Analytics, Inc. (NYSE: SBWD) reported "
                        "revenue of $84.2 million for 2025, up 18%.",
                        C(
                            "LoadCast's forecasting model had a day-ahead error of 3.8% on 2025 data across 1,106 substations.",
                            "SPECIFIC",
                        ),
                    ),
                ),
            ),
        ),
        items="2.02,9.01",
    ),
    Filing(
        "10-Q",
        31,
        "2026-08-05",
        "2026-06-30",
        "sbwd-20260630.htm",
        "10-Q",
        "Quarterly report for the period ended June 30, 2026",
        (
            h2("PART I. FINANCIAL INFORMATION"),
            h3(
                "Item 2. Management's Discussion and Analysis of Financial Condition and Results of Operations"
            ),
            p(
                "Revenue for the quarter was $23.1 million, up 17%.",
                C(
                    "During the quarter we retrained LoadCast on data through March 2026; its day-ahead error on "
                    "April to June 2026 was 3.9%.",
                    "SPECIFIC",
                ),
            ),
        ),
        facts=(("Revenues", "Total revenues", 23_100_000),),
    ),
    Filing(
        "DEF 14A", 12, "2026-04-10", "2026-05-28", "sbwd-def14a.htm", "DEF 14A", "Proxy statement"
    ),
)

BRIGHTSHEET_FILINGS = (
    Filing(
        "10-K",
        9,
        "2026-02-27",
        "2025-12-31",
        "bsht-20251231.htm",
        "10-K",
        "Annual report for the fiscal year ended December 31, 2025",
        (
            h2("PART I"),
            h3("Item 1. Business"),
            p(
                C(
                    "Brightsheet provides business intelligence software: dashboards, scheduled reports and alerts "
                    "for finance teams.",
                    "NONE",
                ),
                C(
                    "We do not currently use artificial intelligence or machine learning in our products.",
                    "NONE",
                ),
            ),
            h3("Item 1A. Risk Factors"),
            p(
                C(
                    "Competitors that offer artificial intelligence features may attract customers away from us.",
                    "NONE",
                ),
            ),
        ),
        facts=(
            ("Revenues", "Total revenues", 122_500_000),
            ("NetIncomeLoss", "Net income", 9_800_000),
        ),
    ),
    Filing(
        "S-8",
        4,
        "2026-01-15",
        "2026-01-15",
        "bsht-s8.htm",
        "S-8",
        "Registration of employee plan shares",
    ),
)

FERROUS_FILINGS = (
    Filing(
        "S-1",
        22,
        "2026-09-01",
        "2026-09-01",
        "d812345ds1.htm",
        "S-1",
        "Registration statement",
        (
            h2("PROSPECTUS SUMMARY"),
            p(
                C(
                    "Ferrous Cloud rents GPU capacity to companies that train and serve artificial intelligence models.",
                    "NONE",
                ),
                C("We use artificial intelligence throughout our operations.", "VAGUE"),
            ),
            h2("RISK FACTORS"),
            p(
                C(
                    "Our placement scheduler's runtime predictions, produced by a model trained on our own job traces, "
                    "can be wrong for new model architectures, which may leave GPUs idle or delay customer jobs.",
                    "SPECIFIC",
                ),
                "Demand for GPU capacity may fall if our customers' own funding declines.",
            ),
        ),
        facts=(("Revenues", "Total revenues", 58_700_000),),
    ),
)

HARBORLINE_FILINGS = (
    Filing(
        "10-K",
        10,
        "2026-02-25",
        "2025-12-31",
        "hbrl-20251231.htm",
        "10-K",
        "Annual report for the fiscal year ended December 31, 2025",
        (
            h2("PART I"),
            h3("Item 1. Business"),
            p(
                "Harborline writes personal auto and homeowners insurance in 22 states.",
                C("We are the world's first AI-native insurer.", "VAGUE", "SUPERLATIVE"),
            ),
            h3("Item 1A. Risk Factors"),
            p(
                C(
                    "Our claims triage model may misroute complex claims, which could delay payments and increase "
                    "loss adjustment expenses.",
                    "SPECIFIC",
                ),
            ),
        ),
        facts=(
            ("Revenues", "Total revenues", 912_000_000),
            ("NetIncomeLoss", "Net income", 41_300_000),
        ),
    ),
    Filing(
        "10-Q",
        40,
        "2026-08-06",
        "2026-06-30",
        "hbrl-20260630.htm",
        "10-Q",
        "Quarterly report for the period ended June 30, 2026",
        (
            h2("PART I. FINANCIAL INFORMATION"),
            h3(
                "Item 2. Management's Discussion and Analysis of Financial Condition and Results of Operations"
            ),
            p("Net premiums earned rose 9% to $238 million.", "The combined ratio was 97.1%."),
        ),
        facts=(("Revenues", "Total revenues", 241_000_000),),
    ),
    Filing(
        "8-K",
        57,
        "2026-11-24",
        "2026-11-24",
        "hbrl-20261124.htm",
        "8-K",
        "Current report: Regulation FD disclosure",
        (
            h3("Item 7.01 Regulation FD Disclosure."),
            p(
                "On November 24, 2026, Harborline issued the press release furnished as Exhibit 99.1."
            ),
        ),
        exhibits=(
            Exhibit(
                "ex99-1.htm",
                "EX-99.1",
                "PRESS RELEASE",
                "Harborline Launches Instant Claims",
                (
                    p(
                        "HARTFORD, Conn., Nov. 24, 2026 -- Harborline launched Instant Claims in 22 states.",
                        C(
                            "Instant Claims uses AI to settle every claim with no adjuster involved.",
                            "VAGUE",
                            "OVERCLAIM",
                        ),
                    ),
                ),
            ),
        ),
        items="7.01,9.01",
        since_variant=2,
    ),
)

ROUTEWELL_FILINGS = (
    Filing(
        "8-K",
        33,
        "2026-08-06",
        "2026-08-06",
        "rtwl-20260806.htm",
        "8-K",
        "Current report: results of operations and financial condition",
        (
            h3("Item 2.02 Results of Operations and Financial Condition."),
            p("On August 6, 2026, Routewell issued a press release furnished as Exhibit 99.1."),
        ),
        exhibits=(
            Exhibit(
                "ex99-1.htm",
                "EX-99.1",
                "PRESS RELEASE",
                "Routewell Reports Second Quarter 2026 Results",
                (
                    p(
                        "MEMPHIS, Tenn., Aug. 6, 2026 -- Routewell Logistics Software, Inc. (Nasdaq: RTWL) reported "
                        "revenue of $31.5 million, up 24%.",
                        C("Routewell's AI is transforming freight.", "VAGUE"),
                    ),
                ),
            ),
        ),
        items="2.02,9.01",
    ),
    Filing(
        "10-Q",
        35,
        "2026-08-07",
        "2026-06-30",
        "rtwl-20260630.htm",
        "10-Q",
        "Quarterly report for the period ended June 30, 2026",
        (
            h2("PART I. FINANCIAL INFORMATION"),
            h3(
                "Item 2. Management's Discussion and Analysis of Financial Condition and Results of Operations"
            ),
            p(
                "Revenue was $31.5 million, up 24%.",
                C(
                    "ETA Predict, our delivery-time model, had a median error of 41 minutes on 2025 shipments.",
                    "SPECIFIC",
                ),
            ),
            h3("Item 1A. Risk Factors"),
            p(
                C(
                    "Our ambition is to become the AI-first leader in logistics, which may not succeed.",
                    "ASPIRATIONAL",
                )
            ),
        ),
        facts=(("Revenues", "Total revenues", 31_500_000),),
    ),
    Filing(
        "SC 13G",
        2,
        "2026-02-09",
        "2025-12-31",
        "rtwl-sc13g.htm",
        "SC 13G",
        "Beneficial ownership report",
    ),
)

# Form C: the real primary document is primary_doc.xml (shown through an XSL view) with the
# offering memorandum as an exhibit. The sample serves primary_doc.xml for the index and a
# plain HTML offering statement (formc.htm) as the primary document the spider reads.
FURROW_FILINGS = (
    Filing(
        "C",
        1,
        "2026-09-14",
        "2026-09-14",
        "formc.htm",
        "C",
        "Offering statement",
        (
            h2("Offering Statement"),
            p(
                "Furrow Robotics, Inc. is offering up to $1,070,000 of Crowd SAFEs through Sprout Funding Portal LLC.",
                "The minimum investment is $250.",
            ),
            h3("The Business"),
            p(
                C(
                    "Our robot uses a machine learning model trained on 1.2 million images from our own test plots to "
                    "tell lettuce and spinach from 30 weed species.",
                    "SPECIFIC",
                ),
                C(
                    "Our artificial intelligence will revolutionize farming worldwide.",
                    "ASPIRATIONAL",
                ),
            ),
            h3("Risk Factors"),
            p(
                C(
                    "Our weed-detection model has only been tested on lettuce and spinach in Salinas Valley conditions "
                    "and may misidentify crops in other fields.",
                    "SPECIFIC",
                ),
                "We have a limited operating history and have not yet generated revenue.",
            ),
        ),
    ),
)

FILINGS_BY_COMPANY = {
    "quantleaf": QUANTLEAF_FILINGS,
    "sablewood": SABLEWOOD_FILINGS,
    "brightsheet": BRIGHTSHEET_FILINGS,
    "ferrous-cloud": FERROUS_FILINGS,
    "harborline": HARBORLINE_FILINGS,
    "routewell": ROUTEWELL_FILINGS,
    "furrow": FURROW_FILINGS,
}
