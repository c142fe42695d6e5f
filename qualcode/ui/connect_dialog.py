"""File > Connect to team server: host, port, database, login, password and TLS.

The password goes to the user's keyring when asked (or comes from ~/.pgpass, read by
libpq itself); it is never written to our settings or into the remembered locator.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy.engine import make_url

from qualcode.core.team import secrets
from qualcode.ui.qt import QtCore, QtWidgets

SSL_MODES = ("prefer", "require", "verify-ca", "verify-full", "disable")


@dataclass(frozen=True)
class ServerChoice:
    locator: str  # postgresql://user@host:port/database?sslmode=... (no password)
    password: str | None
    remember: bool


def server_locator(
    host: str, port: int, database: str, user: str, sslmode: str = "prefer", rootcert: str = ""
) -> str:
    query = [f"sslmode={sslmode}"] if sslmode != "prefer" else []
    if rootcert:
        query.append(f"sslrootcert={quote(rootcert)}")
    tail = "?" + "&".join(query) if query else ""
    return f"postgresql://{quote(user, safe='')}@{host}:{port}/{quote(database, safe='')}{tail}"


class ConnectDialog(QtWidgets.QDialog):
    def __init__(self, parent: QtWidgets.QWidget | None = None, locator: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to team server"))
        self.host = QtWidgets.QLineEdit()
        self.host.setPlaceholderText("db.example.org")
        self.port = QtWidgets.QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QtWidgets.QLineEdit()
        self.user = QtWidgets.QLineEdit()
        self.password = QtWidgets.QLineEdit()
        self.password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: keyring or ~/.pgpass"))
        self.remember = QtWidgets.QCheckBox(self.tr("Remember the password in the keyring"))
        self.remember.setChecked(True)
        self.sslmode = QtWidgets.QComboBox()
        for mode in SSL_MODES:
            self.sslmode.addItem(mode, mode)
        self.rootcert = QtWidgets.QLineEdit()
        self.rootcert.setPlaceholderText(self.tr("CA certificate (for verify-ca / verify-full)"))
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User (login):"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("&TLS:"), self.sslmode)
        form.addRow(self.tr("&CA certificate:"), self.rootcert)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if locator:
            self._fill(locator)

    def _fill(self, locator: str) -> None:
        url = make_url(locator)
        self.host.setText(url.host or "")
        self.port.setValue(url.port or 5432)
        self.database.setText(url.database or "")
        self.user.setText(url.username or "")
        mode = url.query.get("sslmode", "prefer")
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(mode)))
        root = url.query.get("sslrootcert", "")
        self.rootcert.setText(root if isinstance(root, str) else "")

    def choice(self) -> ServerChoice | None:
        host, database, user = (w.text().strip() for w in (self.host, self.database, self.user))
        if not (host and database and user):
            return None
        locator = server_locator(
            host,
            self.port.value(),
            database,
            user,
            str(self.sslmode.currentData()),
            self.rootcert.text().strip(),
        )
        password = self.password.text() or None
        return ServerChoice(locator, password, self.remember.isChecked() and bool(password))


def connect_to_server(window: QtWidgets.QWidget, locator: str = "") -> bool:
    """Ask for a server and open it in ``window`` (a MainWindow)."""
    dialog = ConnectDialog(window, locator)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return False
    chosen = dialog.choice()
    if chosen is None:
        QtWidgets.QMessageBox.warning(
            window,
            dialog.windowTitle(),
            QtCore.QCoreApplication.translate("ConnectDialog", "Fill in host, database and user."),
        )
        return False
    return open_server(window, chosen)


def open_server(window: QtWidgets.QWidget, chosen: ServerChoice) -> bool:
    opened = window.open_project(chosen.locator, password=chosen.password)  # type: ignore[attr-defined]
    stored = not (opened and chosen.remember and chosen.password) or secrets.remember(
        chosen.locator, chosen.password
    )
    if not stored:
        window.statusBar().showMessage(  # type: ignore[attr-defined]
            QtCore.QCoreApplication.translate(
                "ConnectDialog",
                "No keyring on this desktop: the password was not stored; "
                "put it in ~/.pgpass to connect without typing it.",
            ),
            10000,
        )
    return bool(opened)
