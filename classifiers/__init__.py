"""spaCy pipelines that label sentences by the AI-washing taxonomy."""
