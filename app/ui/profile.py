"""The archive profile of the transfer: load its RelaxNG or XSD file, pre-fill fixed values, mark mandatory fields.

The engine (:mod:`app.seda.interop.profile_requirements`) reads what the profile requires and fills
fixed values in place; the GUI runs it on a copy and turns the differences into one undoable edit,
so the live transfer is only changed through the undo stack. The Description form (and its sub-forms)
and the Rules tab of the selected unit then mark the fields the unit's pattern in the profile makes
mandatory.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.models import edits
from app.models.project import snapshot
from app.models.transfer import ArchiveUnit, Transfer
from app.ui.panels import translate


def filled_copy(transfer: Transfer, requirements) -> tuple[Transfer, list]:
    """A copy of *transfer* (metadata trees copied too) with the profile's fixed values filled, and the messages."""
    from app.seda.interop.profile_requirements import apply_profile

    copy = snapshot(transfer)
    copy.header, copy.management_metadata = transfer.header.copy(), transfer.management_metadata.copy()
    for unit in copy.iter_units():
        unit.content = unit.content.copy()
        unit.management = unit.management.copy() if unit.management is not None else None
    return copy, apply_profile(copy, requirements)


def profile_edit(transfer: Transfer, requirements) -> tuple[edits.Edit | None, list]:
    """One edit bringing the profile's fixed values into *transfer* (None when nothing changes), and messages."""
    copy, messages = filled_copy(transfer, requirements)
    batch: list[edits.Edit] = []
    if copy.header != transfer.header or copy.management_metadata != transfer.management_metadata:
        batch.append(edits.SetHeader(copy.header, copy.management_metadata))
    live = {u.id: u for u in transfer.iter_units()}
    units, contents, managements, profiled, profiles = [], [], [], [], []
    for unit in copy.iter_units():
        original = live.get(unit.id)
        if original is None:
            continue
        if unit.content != original.content or unit.management != original.management:
            units.append(original)
            contents.append(unit.content)
            managements.append(unit.management)
        if unit.profile != original.profile:
            profiled.append(original)
            profiles.append(unit.profile)
    if units:
        batch.append(edits.ReplaceMetadata(tuple(units), tuple(contents), tuple(managements)))
    if profiled:
        batch.append(edits.SetUnitProfiles(tuple(profiled), tuple(profiles)))
    return (edits.Batch(batch) if batch else None), messages


def content_requirements(requirements, unit: ArchiveUnit) -> dict:
    """Content requirements of the profile's pattern for *unit*, by path below Content (``Title``,
    ``Writer/FullName``): what :func:`~app.seda.interop.profile_requirements.requirements_for` gives,
    the unit being matched as the engine matches it when it fills values."""
    from app.seda.interop.profile_requirements import requirements_for

    return {path[len("Content/"):]: req for path, req in requirements_for(requirements, unit).items()
            if path.startswith("Content/")}


def management_requirements(requirements, unit: ArchiveUnit) -> dict:
    """Management requirements of the profile's pattern for *unit*: ``Management`` itself and the paths below
    it (``Management/AccessRule/Rule``), relative to the unit."""
    from app.seda.interop.profile_requirements import requirements_for

    return {path: req for path, req in requirements_for(requirements, unit).items()
            if path == "Management" or path.startswith("Management/")}


class ProfileMixin:
    """"Load the archive profile" for the main window."""

    profile_requirements = None  # ProfileRequirements of the loaded .rng or .xsd

    def profile_dialog(self) -> None:
        """Ask for the profile file (.rng or .xsd) and load it."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load the archive profile"), "",
                                              self.tr("Archive profiles (*.rng *.xsd);;All files (*)"))
        if path:
            self.load_profile(path)

    def load_profile(self, path: str) -> bool:
        """Read the profile, fill its fixed values (one undo step) and mark the mandatory fields."""
        from app.seda.interop.profile_requirements import read_requirements
        from app.seda.profiles import ProfileError

        try:
            requirements = read_requirements(path)
        except ProfileError as exc:
            self._failed(self.tr("Cannot load the profile"), exc)
            return False
        self.profile_requirements = requirements
        self.project.settings["profile"] = str(Path(path).resolve())
        declared = self.project.transfer.management_metadata.findtext("ArchivalProfile")
        edit, messages = profile_edit(self.project.transfer, requirements)
        if edit is not None:
            self.push_edit(edit, self.tr("Apply the archive profile"))
        texts = [m.render(translate) for m in messages]
        if not declared:
            texts.insert(0, self.tr("The transfer context declares no ArchivalProfile: set it in the transfer "
                                    "context so that Vitam checks the transfer against this profile."))
        self.statusBar().showMessage(texts[-1] if texts else "", 10000)
        self._load_editors(keep_tab=True)
        if texts and not self.property("headless"):
            QMessageBox.information(self, self.tr("Archive profile"), "\n\n".join(texts))
        return True

    def unit_requirements(self, unit: ArchiveUnit | None) -> dict:
        """What the loaded profile requires of *unit*'s Content, by path below it (empty without a profile)."""
        if self.profile_requirements is None or unit is None:
            return {}
        return content_requirements(self.profile_requirements, unit)

    def rules_requirements(self, unit: ArchiveUnit | None) -> dict:
        """What the loaded profile requires of *unit*'s Management (empty without a profile)."""
        if self.profile_requirements is None or unit is None:
            return {}
        return management_requirements(self.profile_requirements, unit)
