"""The made-up companies of the sample web and everything they publish.

Every sentence here was written for hypewatch. Sentences that matter for the taxonomy are
`C(text, claim, *flags)` with the label they were written to carry (LABELS.md); plain strings
are ordinary text (navigation, prices, legal boilerplate, non-AI claims). `Change(before,
after)` is what the second night (variant 2) edits. Filings and the misbehaving "glitchy"
company live in their own modules; this one holds sites, releases and decks.
"""

from __future__ import annotations

from .model import (
    C,
    Change,
    Company,
    Deck,
    Page,
    Release,
    Slide,
    h2,
    h3,
    p,
    quote,
    ul,
)


def boilerplate(
    name: str, legal_name: str, city: str, careers: tuple[str, ...]
) -> tuple[Page, ...]:
    """Pages every site has: careers, contact, privacy, terms. Mostly non-AI text."""
    return (
        Page(
            "careers",
            "Careers",
            (
                h2(f"Work at {name}"),
                p(
                    f"We are a small team based in {city}, with colleagues working remotely across "
                    "North America.",
                    "We offer health, dental and vision cover, a learning budget and 25 days of paid leave.",
                ),
                h3("Open roles"),
                ul(*careers),
                p(
                    "Don't see a fit? Send a short note to jobs@example.com and tell us what you would build."
                ),
            ),
            footer_label="Careers",
        ),
        Page(
            "contact",
            "Contact us",
            (
                h2("Talk to us"),
                p(
                    "Sales questions: sales@example.com.",
                    "Support: support@example.com, Monday to Friday, 9am to 6pm Eastern.",
                    "Press: press@example.com.",
                ),
                p(f"{legal_name}, {city}."),
            ),
            footer_label="Contact",
        ),
        Page(
            "legal/privacy",
            "Privacy policy",
            (
                h2("Privacy policy"),
                p(
                    "Last updated: January 5, 2026.",
                    f"This policy explains how {legal_name} collects, uses and shares personal "
                    "information when you use our websites and services.",
                ),
                h3("What we collect"),
                ul(
                    "Contact details you give us, such as your name and email address.",
                    "Usage data, such as pages visited and the browser you use.",
                    "Payment details, processed by our payment provider.",
                ),
                h3("Cookies"),
                p(
                    "We use strictly necessary cookies and, with your consent, analytics cookies.",
                    "You can change your choice at any time in the cookie settings.",
                ),
                h3("Your rights"),
                p(
                    "You may ask to access, correct or delete your personal information by writing to privacy@example.com."
                ),
            ),
            footer_label="Privacy",
        ),
        Page(
            "legal/terms",
            "Terms of service",
            (
                h2("Terms of service"),
                p(
                    "Last updated: January 5, 2026.",
                    f"These terms govern your use of the services provided by {legal_name}.",
                    "By creating an account you agree to these terms.",
                ),
                h3("Fees and renewal"),
                p(
                    "Paid plans renew automatically at the end of each billing period unless cancelled.",
                    "Fees are non-refundable except where the law requires otherwise.",
                ),
                h3("Limitation of liability"),
                p(
                    "To the maximum extent permitted by law, our total liability is limited to the fees you paid in the twelve months before the claim."
                ),
            ),
            footer_label="Terms",
        ),
    )


# --- Cartwise: an "AI store" income scheme ------------------------------------------------

CARTWISE = Company(
    id="cartwise",
    name="Cartwise",
    legal_name="Cartwise Ventures LLC",
    tagline="Your AI-powered online store, done for you",
    city="Scottsdale, Arizona",
    feed="rss",
    decks_listed_as="pdf",
    link_style="relative",
    pages=(
        Page(
            "",
            "Done-for-you AI e-commerce stores",
            (
                h2("Own an online store without lifting a finger"),
                p(
                    C(
                        "Let our AI store earn you $5,000 a month on autopilot.",
                        "VAGUE",
                        "GUARANTEE",
                    ),
                    C(
                        "Our proprietary AI picks winning products before anyone else can.",
                        "VAGUE",
                        "OVERCLAIM",
                        "SUPERLATIVE",
                    ),
                ),
                ul(
                    "Store setup in 14 days",
                    "Supplier accounts included",
                    C("AI-managed ads, pricing and customer service", "VAGUE"),
                    "Free starter kit shipped to your door",
                ),
                p(
                    C(
                        "Clients using our AI see an average 312% return in their first 90 days.",
                        "VAGUE",
                        "UNSUPPORTED_METRIC",
                    ),
                    "Book a free strategy call to see if you qualify.",
                ),
            ),
            description="Done-for-you AI e-commerce stores that run themselves.",
        ),
        Page(
            "how-it-works",
            "How it works",
            (
                h2("Three steps to passive income"),
                ul(
                    "1. Book a strategy call and choose a store package.",
                    "2. We register your store and connect supplier accounts.",
                    C(
                        "3. Our AI runs the store end to end with zero human touch.",
                        "VAGUE",
                        "OVERCLAIM",
                    ),
                ),
                p(
                    "Most stores open within two weeks of onboarding.",
                    "You keep full ownership of your store and its customer list.",
                ),
            ),
            nav_label="How it works",
        ),
        Page(
            "ai",
            "Our AI",
            (
                h2("The Cartwise AI engine"),
                p(
                    C(
                        "The only done-for-you AI system that handles every order, refund and ad "
                        "campaign with no human involvement.",
                        "VAGUE",
                        "OVERCLAIM",
                        "SUPERLATIVE",
                    ),
                    C("Our AI knows what shoppers want before they do.", "VAGUE", "OVERCLAIM"),
                ),
                p(
                    C("We believe AI will make everyone a store owner.", "ASPIRATIONAL"),
                    Change(
                        None,
                        C(
                            "Our new AI pricing bot guarantees your store a profit in its first month.",
                            "VAGUE",
                            "GUARANTEE",
                        ),
                    ),
                ),
            ),
            nav_label="Our AI",
        ),
        Page(
            "pricing",
            "Pricing",
            (
                h2("Store packages"),
                ul(
                    "Starter store: $9,995 one-time setup",
                    "Growth store: $19,995 one-time setup, two stores",
                    "Elite store: $34,995 one-time setup, five stores and priority support",
                ),
                p(
                    "Inventory, advertising spend and marketplace fees are paid separately.",
                    "Payment plans are available on approved credit.",
                ),
            ),
            nav_label="Pricing",
        ),
        Page(
            "results",
            "Client results",
            (
                h2("Real stores, real results"),
                quote(
                    C(
                        "\u201cThe Cartwise AI made me $11,400 in my second month, and I never touched the store.\u201d "
                        "\u2014 Dana R., Ohio",
                        "VAGUE",
                        "UNSUPPORTED_METRIC",
                        "OVERCLAIM",
                    )
                ),
                quote(
                    "\u201cThe onboarding team was friendly and answered every question.\u201d \u2014 Marcus T., Texas"
                ),
                p(
                    "Results are not typical.",
                    "Earnings depend on many factors, including market conditions and effort, and are not guaranteed.",
                ),
            ),
            nav_label="Results",
        ),
        Page(
            "about",
            "About Cartwise",
            (
                h2("Our story"),
                p(
                    "Cartwise was founded in 2024 by two former marketplace sellers.",
                    "Our team of 40 works from Scottsdale and Manila.",
                ),
            ),
            nav_label="About",
        ),
        Page(
            "investors/",
            "Webinar slides",
            (h2("Webinar slides"), p("Slides from our free monthly webinar.")),
            footer_label="Webinar slides",
            links=(("January 2026 webinar (PDF)", "investors/cartwise-webinar-2026.pdf"),),
        ),
        Page(
            "blog/",
            "Blog",
            (h2("Latest articles"), p("Tips for new store owners from the Cartwise team.")),
            nav_label="Blog",
            links=(("Why 2026 is the year of the AI store", "blog/year-of-the-ai-store"),),
        ),
        Page(
            "blog/year-of-the-ai-store",
            "Why 2026 is the year of the AI store",
            (
                h2("Why 2026 is the year of the AI store"),
                p(
                    "Online retail sales in the United States passed $1.2 trillion last year.",
                    C(
                        "With Cartwise AI, anyone can claim a share of that market and retire early.",
                        "VAGUE",
                        "GUARANTEE",
                    ),
                ),
                p("Spots in our March onboarding cohort are limited."),
            ),
            published="2026-02-03",
        ),
        *boilerplate(
            "Cartwise",
            "Cartwise Ventures LLC",
            "Scottsdale, Arizona",
            ("Client success manager (remote)", "Sales closer, commission only"),
        ),
    ),
    releases=(
        Release(
            "cartwise-opens-spring-cohort",
            "Cartwise Opens Spring 2026 Cohort for AI Store Owners",
            "2026-02-10T14:00:00+00:00",
            "SCOTTSDALE, Ariz., Feb. 10, 2026",
            (
                p(
                    "Cartwise today opened enrollment for its spring 2026 cohort.",
                    C(
                        "The Cartwise AI engine builds and runs a complete online store, so owners earn passive "
                        "income from day one.",
                        "VAGUE",
                        "GUARANTEE",
                        "OVERCLAIM",
                    ),
                ),
                p("Enrollment closes on March 15, 2026."),
            ),
            summary="Enrollment opens for the spring cohort of done-for-you stores.",
        ),
        Release(
            "cartwise-passes-2000-stores",
            "Cartwise Passes 2,000 Stores Launched",
            "2026-04-22T14:00:00+00:00",
            "SCOTTSDALE, Ariz., April 22, 2026",
            (
                p(
                    "Cartwise has launched more than 2,000 client stores since 2024.",
                    C(
                        "\u201cOur AI is the best e-commerce operator in the world,\u201d said founder Kyle Brandt.",
                        "VAGUE",
                        "SUPERLATIVE",
                    ),
                ),
            ),
            summary="More than 2,000 client stores launched since 2024.",
        ),
    ),
    decks=(
        Deck(
            "cartwise-webinar-2026",
            "Cartwise: Your AI Store Webinar",
            "2026-01-20",
            (
                Slide("Cartwise", ("Done-for-you AI e-commerce", "January 2026 webinar")),
                Slide(
                    "The opportunity",
                    (
                        "E-commerce keeps growing every year",
                        "Most new sellers fail because they pick the wrong products",
                    ),
                ),
                Slide(
                    "The Cartwise AI",
                    (
                        C(
                            "Our AI picks winning products with 97% accuracy",
                            "VAGUE",
                            "UNSUPPORTED_METRIC",
                        ),
                        C(
                            "Earn $5,000 to $10,000 a month on autopilot with our AI",
                            "VAGUE",
                            "GUARANTEE",
                        ),
                        C("The AI runs your store with zero human touch", "VAGUE", "OVERCLAIM"),
                    ),
                ),
                Slide("Packages", ("Starter $9,995", "Growth $19,995", "Elite $34,995")),
                Slide("Next steps", ("Book a strategy call", "Spots are limited")),
            ),
        ),
    ),
)


# --- Quantleaf: an investment adviser that claims AI stock picks -----------------------------

QUANTLEAF = Company(
    id="quantleaf",
    name="Quantleaf",
    legal_name="Quantleaf Capital Holdings, Inc.",
    tagline="AI-driven investing",
    cik="0002081101",
    edgar_cik="0002081101",
    ticker="QLF",
    exchange="Nasdaq",
    sic="6282",
    sic_description="Investment Advice",
    city="New York, New York",
    state="DE",
    pages=(
        Page(
            "",
            "AI-driven investing",
            (
                h2("Invest with an edge"),
                p(
                    C(
                        "Our AI predicts which stocks will rise before the market does.",
                        "VAGUE",
                        "OVERCLAIM",
                    ),
                    C("AI-driven picks that always beat the market.", "VAGUE", "GUARANTEE"),
                ),
                ul(
                    "Accounts from $5,000",
                    "Advisory fee of 0.85% a year",
                    "Tax-loss harvesting on taxable accounts",
                ),
                p("Quantleaf Advisers LLC is an SEC-registered investment adviser."),
            ),
        ),
        Page(
            "strategies",
            "Strategies",
            (
                h2("Our strategies"),
                h3("Core Equity"),
                p("A diversified portfolio of 60 to 90 U.S. stocks, rebalanced monthly."),
                h3("Income"),
                p("Dividend-paying stocks and investment-grade bonds."),
                p(
                    C(
                        "Quantleaf is the first registered adviser run entirely by artificial intelligence.",
                        "VAGUE",
                        "SUPERLATIVE",
                        "OVERCLAIM",
                    )
                ),
            ),
            nav_label="Strategies",
        ),
        Page(
            "how-we-invest",
            "How we invest",
            (
                h2("How we invest"),
                p(
                    C("Our AI financial advisor replaces your broker.", "VAGUE", "OVERCLAIM"),
                    Change(
                        C(
                            "We harness cutting-edge machine learning across everything we do.",
                            "VAGUE",
                        ),
                        C(
                            "A ranking model trained on U.S. price and filing data from 2012 to 2024 scores "
                            "about 1,400 stocks each week; a portfolio manager approves every trade.",
                            "SPECIFIC",
                        ),
                    ),
                ),
                p(
                    "We rebalance portfolios once a month and when cash is added or withdrawn.",
                    "Fees are deducted quarterly from each account.",
                ),
            ),
            nav_label="How we invest",
        ),
        Page(
            "performance",
            "Performance",
            (
                h2("Performance"),
                p(
                    C(
                        "Our machine-learning model portfolio returned 41.7% last year.",
                        "VAGUE",
                        "UNSUPPORTED_METRIC",
                    )
                ),
                p(
                    "Past performance does not guarantee future results.",
                    "Model portfolio returns are hypothetical and do not reflect actual client accounts.",
                ),
            ),
            nav_label="Performance",
        ),
        Page(
            "about",
            "About Quantleaf",
            (
                h2("About us"),
                p(
                    "Quantleaf was founded in 2015 and manages $1.9 billion for 21,000 clients.",
                    "Our shares trade on Nasdaq under the symbol QLF.",
                ),
            ),
            nav_label="About",
        ),
        Page(
            "insights/",
            "Insights",
            (h2("Insights"), p("Market commentary from our investment team.")),
            nav_label="Insights",
            links=(("What the SEC's AI proposal means for investors", "insights/sec-ai-proposal"),),
        ),
        Page(
            "insights/sec-ai-proposal",
            "What the SEC's AI proposal means for investors",
            (
                h2("What the SEC's AI proposal means for investors"),
                p(
                    C(
                        "Regulators have proposed rules on how investment advisers use predictive data analytics.",
                        "NONE",
                    ),
                    "The proposal would require advisers to identify and neutralise conflicts of interest.",
                    C("Quantleaf AI Fund II closed to new investors in January.", "NONE"),
                ),
                p(C("We welcome clear rules for artificial intelligence in finance.", "NONE")),
            ),
            published="2026-03-18",
        ),
        *boilerplate(
            "Quantleaf",
            "Quantleaf Capital Holdings, Inc.",
            "New York, New York",
            ("Portfolio analyst", "Client service associate"),
        ),
    ),
)


# --- LexBot: the "robot lawyer" ---------------------------------------------------------------

LEXBOT = Company(
    id="lexbot",
    name="LexBot",
    legal_name="LexBot, Inc.",
    tagline="The robot lawyer in your pocket",
    city="Austin, Texas",
    feed="atom",
    pages=(
        Page(
            "",
            "Meet the world's first robot lawyer",
            (
                h2("Fight tickets, landlords and big companies"),
                p(
                    C("Meet the world's first robot lawyer.", "VAGUE", "OVERCLAIM", "SUPERLATIVE"),
                    C(
                        "Our AI lawyer replaces your attorney for parking tickets, landlord disputes and small claims.",
                        "VAGUE",
                        "OVERCLAIM",
                    ),
                ),
                p(
                    C(
                        "Our AI wins 96% of the parking appeals it files.",
                        "VAGUE",
                        "UNSUPPORTED_METRIC",
                    )
                ),
                p("Plans start at $12 a month. Cancel any time."),
            ),
        ),
        Page(
            "how-it-works",
            "How it works",
            (
                h2("How LexBot works"),
                p(
                    C(
                        "A language model drafts your appeal letter from your answers and a photo of the ticket; "
                        "a licensed paralegal reviews each letter before it is sent.",
                        "SPECIFIC",
                    ),
                    "You get a tracking number for every letter we mail.",
                ),
                p(
                    C(
                        "Never pay a lawyer again: our bots guarantee you a winning case.",
                        "VAGUE",
                        "GUARANTEE",
                        "OVERCLAIM",
                    )
                ),
            ),
            nav_label="How it works",
        ),
        Page(
            "services",
            "Services",
            (
                h2("What LexBot can help with"),
                ul(
                    "Parking ticket appeals in 38 U.S. cities",
                    "Security deposit demand letters",
                    "Small claims court forms",
                    "Subscription cancellations",
                ),
            ),
            nav_label="Services",
        ),
        Page(
            "pricing",
            "Pricing",
            (
                h2("Simple pricing"),
                ul("Monthly: $12", "Annual: $96", "Small claims filing fees are paid to the court"),
            ),
            nav_label="Pricing",
        ),
        Page(
            "about",
            "About LexBot",
            (
                h2("About"),
                p(
                    "LexBot was started in 2023 to make everyday legal paperwork affordable.",
                    "LexBot is not a law firm and does not provide legal advice.",
                ),
            ),
            nav_label="About",
        ),
        *boilerplate(
            "LexBot", "LexBot, Inc.", "Austin, Texas", ("Paralegal (Texas)", "Support specialist")
        ),
    ),
    releases=(
        Release(
            "lexbot-launches-tenant-lawyer",
            "LexBot Launches AI Lawyer for Tenants",
            "2026-03-02T13:00:00+00:00",
            "AUSTIN, Texas, March 2, 2026",
            (
                p(
                    "LexBot today launched a service for tenants in Texas and California.",
                    Change(
                        C(
                            "The AI lawyer handles security deposit disputes from start to finish without a human attorney.",
                            "VAGUE",
                            "OVERCLAIM",
                        ),
                        C(
                            "A language model drafts a security deposit demand letter from the tenant's answers, "
                            "and a licensed paralegal reviews it before it is mailed.",
                            "SPECIFIC",
                        ),
                    ),
                ),
                p("The service costs $12 a month."),
            ),
            summary="A new service for tenants in Texas and California.",
        ),
        Release(
            "lexbot-parking-cities",
            "LexBot Expands Parking Appeals to 38 Cities",
            "2026-05-12T13:00:00+00:00",
            "AUSTIN, Texas, May 12, 2026",
            (p("LexBot now files parking appeals in 38 U.S. cities, up from 21 a year ago."),),
            summary="Parking appeals now available in 38 cities.",
        ),
    ),
)


# --- Sablewood: a careful ML company with model cards and limitations -------------------------

SABLEWOOD = Company(
    id="sablewood",
    name="Sablewood",
    legal_name="Sablewood Grid Analytics, Inc.",
    tagline="Load forecasts utilities can check",
    cik="0002081102",
    edgar_cik="0002081102",
    ticker="SBWD",
    exchange="NYSE",
    sic="7372",
    sic_description="Services-Prepackaged Software",
    city="Columbus, Ohio",
    state="OH",
    feed="rss",
    sitemap_index=True,
    link_style="full-url",
    pages=(
        Page(
            "",
            "Substation load forecasting",
            (
                h2("Forecasts your grid operators can check"),
                p(
                    C(
                        "LoadCast uses a gradient-boosted tree model, trained on five years of hourly meter and "
                        "weather data from our 14 utility customers, to forecast substation load 1 to 48 hours ahead.",
                        "SPECIFIC",
                    ),
                ),
                p("Sablewood serves utilities in Ohio, Indiana and Pennsylvania."),
            ),
        ),
        Page(
            "product",
            "LoadCast",
            (
                h2("LoadCast"),
                p(
                    C(
                        "On held-out data covering all of 2025, the model's day-ahead mean absolute percentage error "
                        "was 3.8%, and 6.1% on public holidays.",
                        "SPECIFIC",
                    ),
                    C(
                        "Grid operators review every model forecast that differs by more than 10% from the previous "
                        "day's before it is used for dispatch.",
                        "SPECIFIC",
                    ),
                ),
                ul(
                    "Hourly forecasts for each substation",
                    "CSV and API export",
                    "Role-based access",
                ),
            ),
            nav_label="LoadCast",
        ),
        Page(
            "model-card",
            "LoadCast model card",
            (
                h2("Model card: LoadCast day-ahead v4"),
                h3("Intended use"),
                p(
                    C(
                        "The LoadCast v4 model forecasts hourly load at distribution substations for day-ahead planning by "
                        "utility staff.",
                        "SPECIFIC",
                    )
                ),
                h3("Training data"),
                p(
                    "Hourly meter readings from January 2020 to December 2024, with temperature, humidity and "
                    "calendar features."
                ),
                h3("Evaluation"),
                p(
                    C(
                        "The model was tested on 2025 data from 1,106 substations: mean absolute percentage error 3.8% day-ahead, "
                        "7.2% at 48 hours.",
                        "SPECIFIC",
                    )
                ),
                p(
                    Change(
                        None,
                        C(
                            "Since October 2026 the model also covers 212 substations with battery storage, where "
                            "its day-ahead error is 5.4%.",
                            "SPECIFIC",
                        ),
                    )
                ),
            ),
            nav_label="Model card",
            in_sitemap=False,
        ),
        Page(
            "limitations",
            "Known limitations",
            (
                h2("Known limitations"),
                ul(
                    C(
                        "The model has not been validated for microgrids or for feeders with more than 30% rooftop "
                        "solar, and should not be used for them.",
                        "SPECIFIC",
                    ),
                    C(
                        "The model's error roughly doubles during heat waves hotter than any in its training data.",
                        "SPECIFIC",
                    ),
                ),
            ),
            footer_label="Limitations",
        ),
        Page(
            "about",
            "About Sablewood",
            (
                h2("About"),
                p(
                    "Sablewood was founded in 2017 in Columbus, Ohio.",
                    "We employ 180 people, including 22 power-systems engineers.",
                ),
            ),
            nav_label="About",
        ),
        Page(
            "research/",
            "Research notes",
            (h2("Research notes"), p("How we build and test LoadCast.")),
            nav_label="Research",
            links=(("Why we publish our forecast errors", "research/publishing-errors"),),
        ),
        Page(
            "research/publishing-errors",
            "Why we publish our forecast errors",
            (
                h2("Why we publish our forecast errors"),
                p(
                    C(
                        "Every month we publish the forecasting model's error by substation on the customer portal, "
                        "including the worst 5% of hours.",
                        "SPECIFIC",
                    ),
                    "Utilities told us they trust numbers they can check.",
                ),
            ),
            published="2026-06-09",
        ),
        Page(
            "investors/",
            "Investor relations",
            (
                h2("Investor relations"),
                p("Sablewood's common stock trades on the NYSE under the symbol SBWD."),
                p("Our annual and quarterly reports are filed with the SEC."),
            ),
            footer_label="Investors",
            links=(("Investor Day 2026 presentation (PDF)", "investors/investor-day-2026.pdf"),),
        ),
        *boilerplate(
            "Sablewood",
            "Sablewood Grid Analytics, Inc.",
            "Columbus, Ohio",
            ("Power-systems engineer", "Data engineer"),
        ),
    ),
    releases=(
        Release(
            "sablewood-q4-2025-results",
            "Sablewood Reports Fourth Quarter and Full Year 2025 Results",
            "2026-02-12T21:05:00+00:00",
            "COLUMBUS, Ohio, Feb. 12, 2026",
            (
                p(
                    "Revenue for 2025 was $84.2 million, up 18% from 2024.",
                    C(
                        "LoadCast's forecasting model now covers 1,106 substations, with a day-ahead error of 3.8% "
                        "measured on 2025 data.",
                        "SPECIFIC",
                    ),
                ),
            ),
            summary="Revenue of $84.2 million for 2025.",
        ),
        Release(
            "sablewood-adds-ami-utility",
            "Northern Plains Electric Cooperative Selects LoadCast",
            "2026-07-21T12:00:00+00:00",
            "COLUMBUS, Ohio, July 21, 2026",
            (
                p(
                    "Northern Plains Electric Cooperative will use LoadCast for 94 substations starting in "
                    "September 2026.",
                    C(
                        "The cooperative will run LoadCast's machine-learning forecasts alongside its own for six months before "
                        "relying on them for planning.",
                        "SPECIFIC",
                    ),
                ),
            ),
            summary="A new cooperative customer with 94 substations.",
        ),
    ),
    decks=(
        Deck(
            "investor-day-2026",
            "Sablewood Investor Day 2026",
            "2026-05-20",
            (
                Slide("Sablewood Investor Day", ("May 20, 2026", "Columbus, Ohio")),
                Slide(
                    "What LoadCast does",
                    (
                        C(
                            "Gradient-boosted model forecasts substation load 1-48 hours ahead",
                            "SPECIFIC",
                        ),
                        C("Model's day-ahead error 3.8% on 2025 held-out data", "SPECIFIC"),
                    ),
                ),
                Slide(
                    "Limits we publish",
                    (
                        C(
                            "Model not validated for microgrids or feeders above 30% rooftop solar",
                            "SPECIFIC",
                        ),
                    ),
                ),
                Slide("Financials", ("2025 revenue $84.2M, up 18%", "Net revenue retention 112%")),
            ),
        ),
    ),
)


# --- Brightsheet: business intelligence that is not AI (hard negative) ------------------------

BRIGHTSHEET = Company(
    id="brightsheet",
    name="Brightsheet",
    legal_name="Brightsheet, Inc.",
    tagline="Business intelligence for finance teams",
    cik="0002081103",
    edgar_cik="0002081103",
    ticker="BSHT",
    exchange="Nasdaq",
    sic="7372",
    sic_description="Services-Prepackaged Software",
    city="Denver, Colorado",
    pages=(
        Page(
            "",
            "Business intelligence for finance teams",
            (
                h2("Your numbers, in one place"),
                p(
                    C(
                        "Brightsheet is business intelligence for finance teams: dashboards, scheduled reports "
                        "and alerts in one place.",
                        "NONE",
                    ),
                    C(
                        "Brightsheet is the best-loved BI tool on G2 for two years running.",
                        "NONE",
                    ),
                ),
                p(
                    Change(
                        None,
                        C(
                            "New: Brightsheet Copilot brings generative AI to your dashboards.",
                            "VAGUE",
                        ),
                    )
                ),
            ),
        ),
        Page(
            "product",
            "Product",
            (
                h2("Dashboards and reports"),
                ul(
                    C(
                        "Automatic refresh pulls new data from your warehouse every 15 minutes.",
                        "NONE",
                    ),
                    C("Smart filters remember the views your team uses most.", "NONE"),
                    C("Scheduled reports land in inboxes every Monday at 8am.", "NONE"),
                ),
                p(
                    C(
                        "Competitive intelligence reports compare your pricing with 40 public benchmarks.",
                        "NONE",
                    )
                ),
            ),
            nav_label="Product",
        ),
        Page(
            "integrations",
            "Integrations",
            (
                h2("Integrations"),
                p("Connect Snowflake, BigQuery, Postgres, NetSuite and 60 other sources."),
            ),
            nav_label="Integrations",
        ),
        Page(
            "pricing",
            "Pricing",
            (
                h2("Pricing"),
                ul("Team: $400 a month", "Business: $1,500 a month", "Enterprise: contact us"),
            ),
            nav_label="Pricing",
        ),
        Page(
            "about",
            "About Brightsheet",
            (h2("About"), p("Brightsheet was founded in 2012 and serves 3,400 finance teams.")),
            nav_label="About",
        ),
        Page(
            "blog/",
            "Blog",
            (h2("Blog"), p("Notes for finance and data teams.")),
            nav_label="Blog",
            links=(("Is your data ready for generative AI?", "blog/data-ready-for-ai"),),
        ),
        Page(
            "blog/data-ready-for-ai",
            "Is your data ready for generative AI?",
            (
                h2("Is your data ready for generative AI?"),
                p(
                    C(
                        "Analysts expect most large companies to use generative AI in finance by 2027.",
                        "NONE",
                    ),
                    "Before any of that, your chart of accounts has to be clean.",
                ),
            ),
            published="2026-04-14",
        ),
        # Only in the sitemap: no page links here.
        Page(
            "customers",
            "Customers",
            (
                h2("Customers"),
                quote(
                    "\u201cBrightsheet cut our month-end close from nine days to five.\u201d \u2014 Controller, "
                    "a regional bank"
                ),
            ),
        ),
        *boilerplate(
            "Brightsheet", "Brightsheet, Inc.", "Denver, Colorado", ("Solutions engineer",)
        ),
    ),
)


# --- Compass Rose Travel: human travel agents ---------------------------------------------------

COMPASS_ROSE = Company(
    id="compass-rose",
    name="Compass Rose Travel",
    legal_name="Compass Rose Travel Co.",
    tagline="Trips planned by people who have been there",
    city="Portland, Maine",
    feed="json",
    pages=(
        Page(
            "",
            "Trips planned by people who have been there",
            (
                h2("Your trip, planned by a travel agent"),
                p(
                    C("Book a call with a travel agent who has been where you are going.", "NONE"),
                    C("Our agents have visited more than 90 countries between them.", "NONE"),
                ),
                p(
                    C(
                        "Best honeymoon planner in New England, as voted by readers of Coastal Weddings.",
                        "NONE",
                    )
                ),
            ),
        ),
        Page(
            "agents",
            "Meet our agents",
            (
                h2("Meet our travel agents"),
                ul(
                    "Maria: Portugal, Spain and the Azores",
                    "Tomas: Patagonia and Antarctica cruises",
                    "Aiko: Japan and South Korea",
                ),
                p(C("Our agents answer every enquiry within one business day.", "NONE")),
            ),
            nav_label="Our agents",
        ),
        Page(
            "trips",
            "Trips",
            (
                h2("Trips"),
                p(
                    "Small-group walking tours, honeymoons and family trips.",
                    C(
                        "This spring we booked travel for 40 guests attending an AI conference in Lisbon.",
                        "NONE",
                    ),
                    Change(
                        C("Our new AI trip planner makes every itinerary smarter.", "VAGUE"),
                        None,
                    ),
                ),
            ),
            nav_label="Trips",
        ),
        Page(
            "about",
            "About",
            (
                h2("About"),
                p("Compass Rose Travel has planned trips from Portland, Maine since 1998."),
            ),
            nav_label="About",
        ),
        *boilerplate(
            "Compass Rose Travel",
            "Compass Rose Travel Co.",
            "Portland, Maine",
            ("Travel agent, Asia",),
        ),
    ),
    releases=(
        Release(
            "compass-rose-azores",
            "Compass Rose Adds Azores Walking Tours",
            "2026-01-28T15:00:00+00:00",
            "PORTLAND, Maine, Jan. 28, 2026",
            (
                p(
                    "Compass Rose Travel adds eight-day walking tours of Sao Miguel and Pico for 2026."
                ),
            ),
            summary="Eight-day walking tours of the Azores.",
        ),
        Release(
            "compass-rose-planner",
            "Compass Rose Introduces Trip Planner",
            "2026-06-03T15:00:00+00:00",
            "PORTLAND, Maine, June 3, 2026",
            (
                p(
                    C(
                        "Our AI trip planner suggests a day-by-day itinerary from a customer's dates and interests, "
                        "and a travel agent checks every booking before it is confirmed.",
                        "SPECIFIC",
                    ),
                    "The planner is free for customers who book through an agent.",
                ),
            ),
            summary="A trip planner for customers who book through an agent.",
        ),
    ),
)


# --- Ferrous Cloud: GPU hosting for other people's AI --------------------------------------------

FERROUS = Company(
    id="ferrous-cloud",
    name="Ferrous Cloud",
    legal_name="Ferrous Cloud, Inc.",
    tagline="GPU clusters by the hour",
    cik="0002081104",
    edgar_cik="0002081104",
    sic="7374",
    sic_description="Services-Computer Processing & Data Preparation",
    city="Reno, Nevada",
    state="DE",
    pages=(
        Page(
            "",
            "GPU clusters by the hour",
            (
                h2("Train and serve your models on our GPUs"),
                p(
                    C(
                        "Rent H200 and B200 GPU clusters by the hour for training and serving your AI models.",
                        "NONE",
                    ),
                    C("We host inference endpoints for more than 300 AI startups.", "NONE"),
                ),
                p(C("The lowest GPU prices in North America.", "NONE")),
            ),
        ),
        Page(
            "platform",
            "Platform",
            (
                h2("Platform"),
                ul(
                    "Bare-metal and Kubernetes clusters",
                    "400 Gb/s InfiniBand between nodes",
                    C("Agent observability: trace every tool call your agents make.", "NONE"),
                ),
                p(
                    C(
                        "Our scheduler uses a runtime model, trained on 18 months of anonymised job traces from our "
                        "own clusters, to place jobs on GPUs; operators can override any placement.",
                        "SPECIFIC",
                    )
                ),
            ),
            nav_label="Platform",
        ),
        Page(
            "pricing",
            "Pricing",
            (
                h2("Pricing"),
                ul(
                    "H200: $2.40 per GPU-hour",
                    "B200: $3.90 per GPU-hour",
                    "Storage: $0.03 per GB-month",
                ),
            ),
            nav_label="Pricing",
        ),
        Page(
            "about",
            "About",
            (
                h2("About"),
                p("Ferrous Cloud runs data centers in Reno, Nevada and Quincy, Washington."),
                p(
                    C(
                        "Over time, we believe our own AI will run every part of our data centers.",
                        "ASPIRATIONAL",
                    )
                ),
            ),
            nav_label="About",
        ),
        Page(
            "investors/",
            "Investors",
            (h2("Investors"), p("Ferrous Cloud has filed a registration statement with the SEC.")),
            footer_label="Investors",
            links=(("Company overview (PDF)", "investors/ferrous-overview-2026.pdf"),),
        ),
        *boilerplate(
            "Ferrous Cloud", "Ferrous Cloud, Inc.", "Reno, Nevada", ("Data center technician",)
        ),
    ),
    decks=(
        Deck(
            "ferrous-overview-2026",
            "Ferrous Cloud Company Overview",
            "2026-08-04",
            (
                Slide("Ferrous Cloud", ("Company overview", "August 2026")),
                Slide(
                    "What we sell",
                    (
                        C("GPU capacity for companies that train and serve AI models", "NONE"),
                        "12,000 GPUs across two sites",
                    ),
                ),
                Slide(
                    "Why we win",
                    (
                        C("The most efficient AI cloud on the planet", "NONE"),
                        C(
                            "Learned job scheduler keeps GPU utilisation at 91%",
                            "VAGUE",
                            "UNSUPPORTED_METRIC",
                        ),
                    ),
                ),
            ),
        ),
    ),
)


# --- LumenDx: health-tech startup ----------------------------------------------------------------

LUMEN = Company(
    id="lumen-dx",
    name="LumenDx",
    legal_name="LumenDx Health, Inc.",
    tagline="A second reader for chest X-rays",
    city="Boston, Massachusetts",
    feed="json",
    pages=(
        Page(
            "",
            "AI for chest X-rays",
            (
                h2("Never miss a nodule"),
                p(
                    C(
                        "LumenDx's AI detects every early-stage tumor on a chest X-ray.",
                        "VAGUE",
                        "OVERCLAIM",
                    ),
                    Change(
                        C("Our AI detector is 99.2% accurate.", "VAGUE", "UNSUPPORTED_METRIC"),
                        C(
                            "On 4,210 held-out chest X-rays from two hospitals, our AI detector found 91% of "
                            "confirmed nodules larger than 6 mm.",
                            "SPECIFIC",
                        ),
                    ),
                ),
                p(
                    C(
                        "Our deep-learning model outperforms radiologists at reading chest X-rays.",
                        "VAGUE",
                        "SUPERLATIVE",
                    )
                ),
            ),
        ),
        Page(
            "evidence",
            "Clinical evidence",
            (
                h2("Clinical evidence"),
                p(
                    C(
                        "In a retrospective study of 4,210 chest X-rays from two hospitals in 2024, the model "
                        "flagged 91% of confirmed nodules larger than 6 mm, at 0.3 false positives per image.",
                        "SPECIFIC",
                    )
                ),
                p(
                    C(
                        "The LumenDx model is cleared only as a second reader: a radiologist reviews every image, and the "
                        "software has not been evaluated on pediatric patients.",
                        "SPECIFIC",
                    )
                ),
            ),
            nav_label="Evidence",
        ),
        Page(
            "clinicians",
            "For clinicians",
            (
                h2("For clinicians"),
                p(
                    "LumenDx integrates with PACS viewers from four vendors.",
                    "Setup takes one afternoon.",
                ),
            ),
            nav_label="Clinicians",
        ),
        Page(
            "about",
            "About",
            (
                h2("About"),
                p("LumenDx was founded in 2022 by two radiologists and a software engineer."),
                p(
                    C(
                        "We will be the AI layer for all of radiology.",
                        "ASPIRATIONAL",
                        "SUPERLATIVE",
                    )
                ),
            ),
            nav_label="About",
        ),
        Page(
            "investors/",
            "Investors",
            (h2("Investors"), p("LumenDx is backed by seed investors in Boston and New York.")),
            footer_label="Investors",
            links=(("Seed deck (PDF)", "investors/lumendx-seed.pdf"),),
        ),
        *boilerplate(
            "LumenDx", "LumenDx Health, Inc.", "Boston, Massachusetts", ("ML engineer, imaging",)
        ),
    ),
    releases=(
        Release(
            "lumendx-seed-round",
            "LumenDx Raises $6 Million Seed Round",
            "2026-03-24T12:00:00+00:00",
            "BOSTON, March 24, 2026",
            (
                p(
                    "LumenDx has raised $6 million in seed funding.",
                    C(
                        "\u201cOur AI never misses a cancer,\u201d said chief executive Priya Raman.",
                        "VAGUE",
                        "OVERCLAIM",
                    ),
                ),
            ),
            summary="$6 million in seed funding.",
        ),
    ),
    decks=(
        Deck(
            "lumendx-seed",
            "LumenDx Seed Deck",
            "2026-02-15",
            (
                Slide("LumenDx", ("A second reader for chest X-rays", "Seed round, February 2026")),
                Slide(
                    "Problem", ("Radiologists read 100+ images an hour", "Small nodules are missed")
                ),
                Slide(
                    "Our AI",
                    (
                        C("AI that never misses a cancer", "VAGUE", "OVERCLAIM"),
                        C("99.2% accuracy", "NONE"),
                        C("Better than a radiologist, at a fraction of the cost", "NONE"),
                    ),
                ),
                Slide("Market", ("$4.1B U.S. imaging software market",)),
                Slide(
                    "Vision",
                    (
                        C(
                            "We will be the AI layer for all of radiology",
                            "ASPIRATIONAL",
                            "SUPERLATIVE",
                        ),
                    ),
                ),
            ),
        ),
    ),
)


# --- Harborline: an insurer ------------------------------------------------------------------------

HARBORLINE = Company(
    id="harborline",
    name="Harborline Insurance",
    legal_name="Harborline Mutual Holdings, Inc.",
    tagline="Insurance that pays fast",
    cik="0002081105",
    edgar_cik="0002081105",
    ticker="HBRL",
    exchange="NYSE",
    sic="6331",
    sic_description="Fire, Marine & Casualty Insurance",
    city="Hartford, Connecticut",
    feed="atom",
    sitemap_index=True,
    pages=(
        Page(
            "",
            "Car and home insurance",
            (
                h2("Insurance that pays fast"),
                p(
                    Change(
                        C("The world's first AI-native insurer.", "VAGUE", "SUPERLATIVE"),
                        None,
                    ),
                    C(
                        "Our AI pays simple claims in as little as 3 seconds.",
                        "VAGUE",
                        "UNSUPPORTED_METRIC",
                    ),
                ),
                p(C("AI insurance for modern drivers.", "VAGUE"), "Get a quote in five minutes."),
            ),
        ),
        Page(
            "auto",
            "Car insurance",
            (
                h2("Car insurance"),
                p("Liability, collision and comprehensive cover in 22 states."),
                p(
                    C(
                        "With our AI, you are guaranteed the lowest premium for your risk.",
                        "VAGUE",
                        "GUARANTEE",
                        "SUPERLATIVE",
                    )
                ),
            ),
            nav_label="Car",
        ),
        Page(
            "home-insurance",
            "Home insurance",
            (
                h2("Home insurance"),
                p("Cover for homeowners and renters, with optional flood cover."),
            ),
            nav_label="Home",
        ),
        Page(
            "how-we-use-ai",
            "How we use AI",
            (
                h2("How we use AI"),
                p(
                    C(
                        "A triage model trained on 260,000 of our closed auto claims from 2019 to 2024 routes each "
                        "new claim to an adjuster team; adjusters make every payment decision.",
                        "SPECIFIC",
                    ),
                    C("We believe AI will redefine insurance for everyone.", "ASPIRATIONAL"),
                ),
            ),
            nav_label="How we use AI",
        ),
        Page(
            "claims",
            "Claims",
            (
                h2("Make a claim"),
                p("Report a claim in the app or call 1-800-555-0142, day or night."),
                quote(
                    C(
                        "\u201cHarborline's AI settled my fender-bender before I even got home.\u201d \u2014 Jamie L., "
                        "Hartford",
                        "VAGUE",
                    )
                ),
            ),
            nav_label="Claims",
        ),
        Page(
            "about",
            "About",
            (h2("About"), p("Harborline has insured drivers and homeowners since 1961.")),
            nav_label="About",
        ),
        *boilerplate(
            "Harborline Insurance",
            "Harborline Mutual Holdings, Inc.",
            "Hartford, Connecticut",
            ("Claims adjuster", "Actuarial analyst"),
        ),
    ),
    releases=(
        Release(
            "harborline-22-states",
            "Harborline Car Insurance Now Available in 22 States",
            "2026-04-07T12:30:00+00:00",
            "HARTFORD, Conn., April 7, 2026",
            (
                p(
                    "Harborline car insurance is now sold in 22 states after launches in Georgia and Arizona.",
                    C("Harborline is redefining insurance with artificial intelligence.", "VAGUE"),
                ),
            ),
            summary="Launches in Georgia and Arizona.",
        ),
        Release(
            "harborline-claims-triage",
            "Harborline Publishes Claims Triage Results",
            "2026-08-18T12:30:00+00:00",
            "HARTFORD, Conn., Aug. 18, 2026",
            (
                p(
                    C(
                        "In the first half of 2026 the triage model sent 84% of auto claims to the right adjuster "
                        "team on the first try, compared with 71% for the rules it replaced, measured on 41,000 claims.",
                        "SPECIFIC",
                    ),
                ),
            ),
            summary="First-half 2026 results of the claims triage model.",
        ),
    ),
)


# --- Routewell: logistics SaaS ----------------------------------------------------------------------

ROUTEWELL = Company(
    id="routewell",
    name="Routewell",
    legal_name="Routewell Logistics Software, Inc.",
    tagline="Freight software for regional carriers",
    cik="0002081106",
    edgar_cik="0002081106",
    ticker="RTWL",
    exchange="Nasdaq",
    sic="7372",
    sic_description="Services-Prepackaged Software",
    city="Memphis, Tennessee",
    feed="rss",
    redirects=(("plans", "pricing"),),
    pages=(
        Page(
            "",
            "Freight software for regional carriers",
            (
                h2("Freight software for regional carriers"),
                p(
                    C("The AI-powered platform for modern freight.", "VAGUE"),
                    Change(
                        C(
                            "Cut empty miles by 30% with AI route optimization.",
                            "VAGUE",
                            "UNSUPPORTED_METRIC",
                        ),
                        C(
                            "In 2025, 52 pilot carriers using our route-optimization model drove 11% fewer empty "
                            "miles than the same carriers did in 2024.",
                            "SPECIFIC",
                        ),
                    ),
                ),
                p("Trusted by 640 regional carriers."),
            ),
        ),
        Page(
            "solutions",
            "Solutions",
            (
                h2("Solutions"),
                ul(
                    "Dispatch board",
                    "Driver app",
                    C("Automatic invoice reminders go out 7 days before the due date.", "NONE"),
                ),
                p(
                    C(
                        "Our autonomous dispatch AI runs your whole fleet with no dispatcher needed.",
                        "VAGUE",
                        "OVERCLAIM",
                    )
                ),
            ),
            nav_label="Solutions",
        ),
        Page(
            "eta-predict",
            "ETA Predict",
            (
                h2("ETA Predict"),
                p(
                    C(
                        "ETA Predict, a gradient-boosted model trained on 38 million shipment scans from our "
                        "customers from 2022 to 2025, estimates delivery times; on 2025 shipments its median error "
                        "was 41 minutes.",
                        "SPECIFIC",
                    ),
                    C(
                        "In March 2027 we will add the ETA Predict model's estimates to the driver app for all "
                        "carriers.",
                        "SPECIFIC",
                    ),
                ),
            ),
            nav_label="ETA Predict",
        ),
        Page(
            "pricing",
            "Pricing",
            (h2("Pricing"), ul("$45 per truck per month", "Volume pricing above 200 trucks")),
            nav_label="Pricing",
        ),
        Page(
            "about",
            "About",
            (
                h2("About"),
                p(C("Our ambition is to become the AI-first leader in logistics.", "ASPIRATIONAL")),
                p("Routewell was founded in Memphis in 2014."),
            ),
            nav_label="About",
            links=(("See plans", "plans"),),
        ),
        Page(
            "investors/",
            "Investors",
            (h2("Investor relations"), p("Routewell trades on Nasdaq as RTWL.")),
            footer_label="Investors",
            links=(
                ("Q2 2026 earnings presentation (PDF)", "investors/routewell-q2-2026.pdf"),
                ("Product overview (PDF)", "investors/routewell-product-overview.pdf"),
            ),
        ),
        *boilerplate(
            "Routewell",
            "Routewell Logistics Software, Inc.",
            "Memphis, Tennessee",
            ("Dispatcher success lead",),
        ),
    ),
    releases=(
        Release(
            "routewell-q2-2026",
            "Routewell Reports Second Quarter 2026 Results",
            "2026-08-06T20:10:00+00:00",
            "MEMPHIS, Tenn., Aug. 6, 2026",
            (
                p(
                    "Revenue was $31.5 million, up 24% year over year.",
                    C("Routewell's AI is transforming freight.", "VAGUE"),
                ),
            ),
            summary="Second-quarter revenue of $31.5 million.",
        ),
        Release(
            "routewell-dispatch-autopilot",
            "Routewell Launches Dispatch Autopilot",
            "2026-11-24T14:00:00+00:00",
            "MEMPHIS, Tenn., Nov. 24, 2026",
            (
                p(
                    C(
                        "Dispatch Autopilot is the industry's first fully autonomous AI dispatcher.",
                        "VAGUE",
                        "SUPERLATIVE",
                        "OVERCLAIM",
                    ),
                    C("Carriers using it cut dispatch costs by 60%.", "NONE"),
                ),
            ),
            summary="A fully autonomous dispatcher.",
            since_variant=2,
        ),
    ),
    decks=(
        Deck(
            "routewell-q2-2026",
            "Routewell Q2 2026 Earnings Presentation",
            "2026-08-06",
            (
                Slide("Routewell Q2 2026", ("August 6, 2026",)),
                Slide("Highlights", ("Revenue $31.5M, up 24%", "640 carriers, 41,000 trucks")),
                Slide(
                    "AI",
                    (
                        C(
                            "ETA Predict model: median error 41 minutes on 2025 shipments",
                            "SPECIFIC",
                        ),
                        C("Our ambition: the AI-first leader in logistics", "ASPIRATIONAL"),
                    ),
                ),
            ),
        ),
        Deck(
            "routewell-product-overview",
            "Routewell Product Overview",
            "2026-03-10",
            (
                Slide("Routewell", ("Product overview",)),
                Slide(
                    "Dispatch",
                    (
                        C("AI-powered dispatch for modern fleets", "VAGUE"),
                        Change(
                            C("Cut empty miles by 30% with AI", "VAGUE", "UNSUPPORTED_METRIC"),
                            C(
                                "52 pilot carriers drove 11% fewer empty miles with our route model in 2025 than in 2024",
                                "SPECIFIC",
                            ),
                        ),
                    ),
                ),
                Slide("Billing", ("Automatic invoice reminders", "Factoring integrations")),
            ),
        ),
    ),
)


# --- Furrow Robotics: a Form C crowdfunding startup (no CIK in the sources file) ---------------------

FURROW = Company(
    id="furrow",
    name="Furrow Robotics",
    legal_name="Furrow Robotics, Inc.",
    tagline="Weeding robots for vegetable farms",
    cik=None,
    edgar_cik="0002081107",
    city="Salinas, California",
    state="DE",
    feed="rss",
    decks_listed_as="pdf",
    pages=(
        Page(
            "",
            "Weeding robots for vegetable farms",
            (
                h2("Weed without herbicide"),
                p(
                    C(
                        "Our AI-powered robots weed 40 acres a day and cut herbicide use by 90%.",
                        "VAGUE",
                        "UNSUPPORTED_METRIC",
                    ),
                ),
                p("Now taking reservations for the 2027 season."),
            ),
        ),
        Page(
            "robot",
            "The robot",
            (
                h2("The Furrow F2"),
                p(
                    C(
                        "A camera model trained on 1.2 million labelled images of lettuce, spinach and 30 weed species "
                        "from our own test plots in Salinas picks each plant to remove; the farmer can pause the robot "
                        "from the app.",
                        "SPECIFIC",
                    ),
                ),
                ul("Battery life: 10 hours", "Width: 80 inches", "Weight: 1,900 lb"),
            ),
            nav_label="The robot",
        ),
        Page(
            "invest",
            "Invest in Furrow",
            (
                h2("Invest in Furrow"),
                p(
                    "Our Regulation Crowdfunding offering is open until December 31, 2026.",
                    C(
                        "We dream of a future where AI grows all of the world's food.",
                        "ASPIRATIONAL",
                    ),
                ),
            ),
            nav_label="Invest",
        ),
        Page(
            "about",
            "About",
            (
                h2("About"),
                p("Furrow Robotics was founded in 2023 by a third-generation lettuce grower."),
            ),
            nav_label="About",
        ),
        Page(
            "investors/",
            "Investor materials",
            (h2("Investor materials"), p("Materials for our Regulation Crowdfunding offering.")),
            footer_label="Investors",
            links=(("Crowdfunding deck (PDF)", "investors/furrow-crowdfunding-2026.pdf"),),
        ),
        *boilerplate(
            "Furrow Robotics", "Furrow Robotics, Inc.", "Salinas, California", ("Field technician",)
        ),
    ),
    releases=(
        Release(
            "furrow-crowdfunding",
            "Furrow Robotics Opens Crowdfunding Round",
            "2026-09-15T16:00:00+00:00",
            "SALINAS, Calif., Sept. 15, 2026",
            (
                p(
                    "Furrow Robotics has opened a Regulation Crowdfunding round of up to $1.07 million.",
                    C("Furrow's machine learning makes every farm smarter.", "VAGUE"),
                ),
            ),
            summary="A Regulation Crowdfunding round of up to $1.07 million.",
        ),
    ),
    decks=(
        Deck(
            "furrow-crowdfunding-2026",
            "Furrow Robotics Crowdfunding Deck",
            "2026-09-15",
            (
                Slide("Furrow Robotics", ("Weeding robots for vegetable farms",)),
                Slide(
                    "Traction",
                    (
                        "Pilots on 6 farms in 2026",
                        C("AI that eliminates hand weeding forever", "VAGUE", "OVERCLAIM"),
                    ),
                ),
                Slide(
                    "Why invest",
                    (
                        C(
                            "Backing Furrow is a guaranteed way to profit from AI in farming",
                            "VAGUE",
                            "GUARANTEE",
                        ),
                    ),
                ),
            ),
        ),
    ),
)


COMPANIES: tuple[Company, ...] = (
    CARTWISE,
    QUANTLEAF,
    LEXBOT,
    SABLEWOOD,
    BRIGHTSHEET,
    COMPASS_ROSE,
    FERROUS,
    LUMEN,
    HARBORLINE,
    ROUTEWELL,
    FURROW,
)
