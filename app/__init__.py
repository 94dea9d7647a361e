"""Liasse: prepare transfers of records (SEDA 2.1–2.3 SIPs) for an electronic archiving system."""

__version__ = "0.1.0"
