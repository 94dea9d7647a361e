"""Menus, toolbar and keyboard shortcuts of the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

from app.ui.history import show_history
from app.ui.targets import show_targets

SP = QStyle.StandardPixmap
translate = QCoreApplication.translate


class WindowActions:
    """The actions of a main window, kept so tests and menus share them."""

    def __init__(self, window) -> None:
        self.window = window
        w = window
        a = w.make_action
        keys = QKeySequence.StandardKey
        self.new = a(translate("MainWindow", "&New transfer from a folder…"), w.new_from_folder, keys.New,
                     SP.SP_DirIcon)
        self.open = a(translate("MainWindow", "&Open project…"), w.open_dialog, keys.Open, SP.SP_DialogOpenButton)
        self.save = a(translate("MainWindow", "&Save project"), w.save, keys.Save, SP.SP_DialogSaveButton)
        self.save_as = a(translate("MainWindow", "Save project &as…"), w.save_as, QKeySequence.StandardKey.SaveAs)
        self.export = a(translate("MainWindow", "&Export the SIP…"), w.export_dialog, "Ctrl+E", SP.SP_ArrowRight)
        self.import_package = a(translate("MainWindow", "&SIP, DIP or manifest…"), lambda: w.import_dialog("package"))
        self.import_csv = a(translate("MainWindow", "Resip &CSV…"), lambda: w.import_dialog("csv"))
        self.import_xlsx = a(translate("MainWindow", "Spreads&heet (XLSX)…"), lambda: w.import_dialog("xlsx"))
        self.import_hierarchy = a(translate("MainWindow", "Resip &hierarchy (folder)…"),
                                  lambda: w.import_dialog("hierarchy"))
        self.export_manifest = a(translate("MainWindow", "&Manifest only…"), lambda: w.convert_dialog("manifest"))
        self.export_csv = a(translate("MainWindow", "Resip &CSV…"), lambda: w.convert_dialog("csv"))
        self.export_xlsx = a(translate("MainWindow", "Spreads&heet (XLSX)…"), lambda: w.convert_dialog("xlsx"))
        self.export_simplified = a(translate("MainWindow", "Simplified hierarchy and CS&V (zip)…"),
                                   lambda: w.convert_dialog("simplified"))
        self.export_hierarchy = a(translate("MainWindow", "Resip &hierarchy (folder)…"),
                                  lambda: w.convert_dialog("hierarchy"))
        self.profile = a(translate("MainWindow", "Load the archive &profile…"), w.profile_dialog)
        self.send = a(translate("MainWindow", "Se&nd to Vitam…"), w.send_dialog, "Ctrl+Shift+E", SP.SP_DriveNetIcon)
        self.history = a(translate("MainWindow", "Transfer &history…"), lambda: show_history(w))
        self.targets = a(translate("MainWindow", "Vitam &targets…"), lambda: show_targets(w))
        self.quit = a(translate("MainWindow", "&Quit"), w.close, QKeySequence.StandardKey.Quit)
        self.undo = w.undo_stack.createUndoAction(w, translate("MainWindow", "&Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo.setIcon(w.standard_icon(SP.SP_ArrowBack))
        self.redo = w.undo_stack.createRedoAction(w, translate("MainWindow", "&Redo"))
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo.setIcon(w.standard_icon(SP.SP_ArrowForward))
        self.add_unit = a(translate("MainWindow", "&Add a unit"), w.add_unit, "Ctrl+Shift+N",
                          SP.SP_FileDialogNewFolder)
        self.delete = a(translate("MainWindow", "&Delete"), w.delete_units, QKeySequence.StandardKey.Delete,
                        SP.SP_TrashIcon)
        self.rename = a(translate("MainWindow", "&Rename"), w.rename_unit, "F2")
        self.bulk = a(translate("MainWindow", "&Bulk edit the selection…"), w.bulk_edit, "Ctrl+B",
                      SP.SP_FileDialogListView)
        self.context = a(translate("MainWindow", "Transfer &context…"), w.edit_context, "Ctrl+K",
                         SP.SP_FileDialogInfoView)
        self.preferences = a(translate("MainWindow", "&Preferences…"), w.preferences,
                             QKeySequence.StandardKey.Preferences)
        self.validate = a(translate("MainWindow", "&Validate"), w.validate, "F5", SP.SP_DialogApplyButton)
        self.expand = a(translate("MainWindow", "E&xpand all"), w.expand_all, "Ctrl+Shift+Right")
        self.collapse = a(translate("MainWindow", "&Collapse all"), w.tree.collapseAll, "Ctrl+Shift+Left")
        self.find = a(translate("MainWindow", "&Find"), lambda: (w.search.setFocus(), w.search.selectAll()),
                      QKeySequence.StandardKey.Find)
        self.tree_only = [self.delete, self.rename]
        for action in self.tree_only:
            action.setShortcutContext(action.shortcutContext().WidgetWithChildrenShortcut)
            w.tree.addAction(action)

        bar = w.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        file_menu.addActions([self.new, self.open])
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &recent"))
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        import_menu = file_menu.addMenu(translate("MainWindow", "&Import"))
        import_menu.addActions([self.import_package, self.import_csv, self.import_xlsx, self.import_hierarchy])
        export_menu = file_menu.addMenu(translate("MainWindow", "E&xport"))
        export_menu.addAction(self.export)
        export_menu.addSeparator()
        export_menu.addActions([self.export_manifest, self.export_csv, self.export_xlsx, self.export_hierarchy,
                                self.export_simplified])
        file_menu.addActions([self.send, self.history])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_unit, self.rename, self.delete, self.bulk])
        edit_menu.addSeparator()
        edit_menu.addActions([self.context, self.preferences])
        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        view_menu.addActions([self.find, self.expand, self.collapse])
        tools = bar.addMenu(translate("MainWindow", "&Transfer"))
        tools.addActions([self.validate, self.context, self.profile, self.export, self.send, self.targets,
                          self.history])

        toolbar = QToolBar(translate("MainWindow", "Main toolbar"), w)
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
