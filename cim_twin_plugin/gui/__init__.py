"""Docks, map tools and dialogs: thin views that call core or run Processing algorithms."""
