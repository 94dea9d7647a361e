"""Interoperability: importing SIPs, DIPs, Resip CSV/hierarchies and spreadsheets, and exporting them.

Every importer returns a :class:`~app.models.transfer.Transfer` (with a report of what was noticed)
or raises :class:`~app.seda.reader.ReadError` with a translatable message; a failed import never
touches the project the user has open, since a new transfer is built on the side.
"""
