"""Many project files as one portfolio: ``klantreis portfolio PATH... --out DIR``
builds each journey's page and an overview across all of them (see docs/portfolio.md)."""

from .build import PortfolioResult, build_portfolio, find_projects

__all__ = ["PortfolioResult", "build_portfolio", "find_projects"]
