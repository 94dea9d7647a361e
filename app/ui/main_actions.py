"""Menus, toolbar and keyboard shortcuts of the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

from app.ui.interop import has_module

SP = QStyle.StandardPixmap


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class WindowActions:
    """The actions of a main window, kept so tests and menus share them."""

    def __init__(self, window) -> None:
        self.window = window
        w = window
        a = w.make_action
        self.new = a(_t("&New transfer from a folder…"), w.new_from_folder, QKeySequence.StandardKey.New, SP.SP_DirIcon)
        self.open = a(_t("&Open project…"), w.open_dialog, QKeySequence.StandardKey.Open, SP.SP_DialogOpenButton)
        self.save = a(_t("&Save project"), w.save, QKeySequence.StandardKey.Save, SP.SP_DialogSaveButton)
        self.save_as = a(_t("Save project &as…"), w.save_as, QKeySequence.StandardKey.SaveAs)
        self.export = a(_t("&Export the SIP…"), w.export_dialog, "Ctrl+E", SP.SP_ArrowRight)
        self.import_package = a(_t("&SIP, DIP or manifest…"), lambda: w.import_dialog("package"))
        self.import_csv = a(_t("Resip &CSV…"), lambda: w.import_dialog("csv"))
        self.import_xlsx = a(_t("Spreads&heet (XLSX)…"), lambda: w.import_dialog("xlsx"))
        self.import_hierarchy = a(_t("Resip &hierarchy (folder)…"), lambda: w.import_dialog("hierarchy"))
        self.export_manifest = a(_t("&Manifest only…"), lambda: w.convert_dialog("manifest"))
        self.export_csv = a(_t("Resip &CSV…"), lambda: w.convert_dialog("csv"))
        self.export_xlsx = a(_t("Spreads&heet (XLSX)…"), lambda: w.convert_dialog("xlsx"))
        self.export_hierarchy = a(_t("Resip &hierarchy (folder)…"), lambda: w.convert_dialog("hierarchy"))
        self.profile = a(_t("Load the archive &profile…"), w.profile_dialog)
        self.send = a(_t("Se&nd to Vitam…"), w.send_dialog, "Ctrl+Shift+E", SP.SP_DriveNetIcon)
        self.quit = a(_t("&Quit"), w.close, QKeySequence.StandardKey.Quit)
        self.undo = w.undo_stack.createUndoAction(w, _t("&Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo.setIcon(w.standard_icon(SP.SP_ArrowBack))
        self.redo = w.undo_stack.createRedoAction(w, _t("&Redo"))
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo.setIcon(w.standard_icon(SP.SP_ArrowForward))
        self.add_unit = a(_t("&Add a unit"), w.add_unit, "Ctrl+Shift+N", SP.SP_FileDialogNewFolder)
        self.delete = a(_t("&Delete"), w.delete_units, QKeySequence.StandardKey.Delete, SP.SP_TrashIcon)
        self.rename = a(_t("&Rename"), w.rename_unit, "F2")
        self.bulk = a(_t("&Bulk edit the selection…"), w.bulk_edit, "Ctrl+B", SP.SP_FileDialogListView)
        self.context = a(_t("Transfer &context…"), w.edit_context, "Ctrl+K", SP.SP_FileDialogInfoView)
        self.preferences = a(_t("&Preferences…"), w.preferences, QKeySequence.StandardKey.Preferences)
        self.validate = a(_t("&Validate"), w.validate, "F5", SP.SP_DialogApplyButton)
        self.expand = a(_t("E&xpand all"), w.expand_all, "Ctrl+Shift+Right")
        self.collapse = a(_t("&Collapse all"), w.tree.collapseAll, "Ctrl+Shift+Left")
        self.find = a(_t("&Find"), lambda: (w.search.setFocus(), w.search.selectAll()), QKeySequence.StandardKey.Find)
        self.tree_only = [self.delete, self.rename]
        for action in self.tree_only:
            action.setShortcutContext(action.shortcutContext().WidgetWithChildrenShortcut)
            w.tree.addAction(action)

        bar = w.menuBar()
        file_menu = bar.addMenu(_t("&File"))
        file_menu.addActions([self.new, self.open])
        self.recent_menu = file_menu.addMenu(_t("Open &recent"))
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        import_menu = file_menu.addMenu(_t("&Import"))
        import_menu.addActions([self.import_package, self.import_csv])
        if has_module("app.seda.interop.xlsx"):
            import_menu.addAction(self.import_xlsx)
        if has_module("app.seda.interop.resip_disk"):
            import_menu.addAction(self.import_hierarchy)
        export_menu = file_menu.addMenu(_t("E&xport"))
        export_menu.addAction(self.export)
        export_menu.addSeparator()
        export_menu.addActions([self.export_manifest, self.export_csv])
        if has_module("app.seda.interop.xlsx"):
            export_menu.addAction(self.export_xlsx)
        if has_module("app.seda.interop.resip_disk_export"):
            export_menu.addAction(self.export_hierarchy)
        file_menu.addAction(self.send)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(_t("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_unit, self.rename, self.delete, self.bulk])
        edit_menu.addSeparator()
        edit_menu.addActions([self.context, self.preferences])
        view_menu = bar.addMenu(_t("&View"))
        view_menu.addActions([self.find, self.expand, self.collapse])
        tools = bar.addMenu(_t("&Transfer"))
        tools.addActions([self.validate, self.context, self.profile, self.export, self.send])

        toolbar = QToolBar(_t("Main toolbar"), w)
        toolbar.setObjectName("main_toolbar")
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(toolbar.toolButtonStyle().ToolButtonTextBesideIcon)
        toolbar.addActions([self.new, self.open, self.save])
        toolbar.addSeparator()
        toolbar.addActions([self.undo, self.redo])
        toolbar.addSeparator()
        toolbar.addActions([self.add_unit, self.bulk, self.context])
        toolbar.addSeparator()
        toolbar.addActions([self.validate, self.export, self.send])
        # Icons alone for the self-explaining ones, so that every action fits a 1360-pixel window.
        for action in (self.undo, self.redo, self.bulk, self.context):
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
                button.setToolTip(action.text().replace("&", ""))
        w.addToolBar(toolbar)
        self.refresh_recent()

    def refresh_recent(self) -> None:
        """Rebuild the recent-projects menu."""
        from app.ui import settings as opts

        self.recent_menu.clear()
        for path in self.window.settings.get(opts.RECENT):
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.window.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))


def build_actions(window) -> WindowActions:
    """Create the menus, toolbar and shortcuts of *window*."""
    return WindowActions(window)
