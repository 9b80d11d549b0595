"""文件 → 导出数据包… (an office) and 文件 → 导入数据包… (the county), run off the GUI thread (ui/ops.py).

Export: the county's `county.pub` is chosen, then where to write (the stick); when the county's key is not
trusted yet the administrator types the fingerprint the county read out on the phone. Import: the chosen
packages are applied in a worker; an office sending its first package is asked about afterwards (its
fingerprint, to compare with the office on the phone), and its packages applied once confirmed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from ...services.county.export import CountyKeyNotConfirmed, ExportRefused, export_package, trusted_county_key
from ...services.county.identity import identity
from ...services.county.importing import ImportOutcome, import_packages
from ...services.county.keys import KeyFileError, county_keys, write_public_key
from ...services.county.package_format import PackageRefused
from ...services.county.reference import ReferenceImported, export_reference, import_reference
from ...services.files.writer import FileWriteError
from ...services.storage.data_folder import open_folder
from ..ops import STOPPED, run_and_wait

COUNTY_DATA = "county"  # the ChangeBus kind: the county's copies changed


class PackageActions(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    # --- the office ---------------------------------------------------------------------------------

    def export_package(self, pub: str | None = None, dest: str | None = None) -> Path | None:
        if pub is None:
            pub, _ = QFileDialog.getOpenFileName(self.window, self.tr("选择县局公钥文件"), "",
                                                 self.tr("县局公钥 (*.pub);;所有文件 (*)"))
        if not pub:
            return None
        if dest is None:
            dest = QFileDialog.getExistingDirectory(self.window, self.tr("把数据包保存到（如U盘）"))
        if not dest:
            return None
        typed: str | None = None
        while True:
            def work(progress, typed: str | None = typed):
                return export_package(pub, dest, typed, progress)

            try:
                done = run_and_wait(self.window, self.tr("导出数据包"), work, expected=(ExportRefused, FileWriteError))
            except CountyKeyNotConfirmed as exc:
                typed = self.ask_fingerprint(exc)
                if typed is None:
                    return None
                continue
            except (ExportRefused, FileWriteError) as exc:
                QMessageBox.warning(self.window, self.tr("导出数据包"), self.tr("未导出：{0}").format(exc))
                return None
            break
        if done is STOPPED:
            return None
        QMessageBox.information(self.window, self.tr("导出数据包"), self.tr(
            "数据包第{0}号已保存：\n{1}\n\n共 {2} 条记录，已签名并加密，只有{3}能打开。\n"
            "本单位签名指纹：{4}\n（县局第一次导入本单位的数据包时，会在电话中与您核对这个指纹）").format(
                done.sequence, done.path, sum(done.counts.values()), done.county, done.signer_fingerprint))
        return done.path

    def ask_fingerprint(self, refusal: CountyKeyNotConfirmed) -> str | None:
        text, ok = QInputDialog.getText(
            self.window, self.tr("确认县局公钥"),
            self.tr("{0}\n\n请打电话给县局，请对方念出公钥指纹，在下面输入（20 位数字）：").format(refusal),
            QLineEdit.EchoMode.Normal, "")
        return text if ok and text.strip() else None

    def import_reference(self, path: str | None = None) -> ReferenceImported | None:
        """文件 → 导入参考数据包…: the county's holidays, templates and points rules."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("选择县局参考数据包"), "",
                                                  self.tr("参考数据包 (*.yjref);;所有文件 (*)"))
        if not path:
            return None
        pub: str | None = None
        typed: str | None = None
        if trusted_county_key() is None:
            pub, _ = QFileDialog.getOpenFileName(self.window, self.tr("选择县局公钥文件"), "",
                                                 self.tr("县局公钥 (*.pub);;所有文件 (*)"))
            if not pub:
                return None
            text, ok = QInputDialog.getText(self.window, self.tr("确认县局公钥"), self.tr(
                "请打电话给县局，请对方念出公钥指纹，在下面输入（20 位数字）："), QLineEdit.EchoMode.Normal, "")
            if not ok:
                return None
            typed = text

        def work(_progress) -> ReferenceImported:
            return import_reference(path, pub, typed)

        try:
            done = run_and_wait(self.window, self.tr("导入参考数据包"), work, changes={COUNTY_DATA},
                                expected=(PackageRefused, OSError))
        except (PackageRefused, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("导入参考数据包"), self.tr("未导入：{0}").format(exc))
            return None
        if done is STOPPED:
            return None
        QMessageBox.information(self.window, self.tr("导入参考数据包"), done.line())
        return done

    # --- the county ---------------------------------------------------------------------------------

    def export_reference(self, dest: str | None = None) -> Path | None:
        """文件 → 导出参考数据包…: the county's holidays, templates and points rules for every office."""
        if dest is None:
            dest = QFileDialog.getExistingDirectory(self.window, self.tr("把参考数据包保存到（如U盘）"))
        if not dest:
            return None
        try:
            done = run_and_wait(self.window, self.tr("导出参考数据包"), lambda _progress: export_reference(dest),
                                expected=(ExportRefused, FileWriteError))
        except (ExportRefused, FileWriteError) as exc:
            QMessageBox.warning(self.window, self.tr("导出参考数据包"), self.tr("未导出：{0}").format(exc))
            return None
        if done is STOPPED:
            return None
        QMessageBox.information(self.window, self.tr("导出参考数据包"), self.tr(
            "参考数据包第{0}号已保存：\n{1}\n\n各单位用“文件 → 导入参考数据包…”导入。").format(done.sequence, done.path))
        return done.path

    def write_county_key(self, path: str | None = None) -> str | None:
        """文件 → 导出县局公钥…: county.pub for the offices, and the fingerprint to read to them."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("保存县局公钥"), "county.pub",
                                                  self.tr("县局公钥 (*.pub)"))
        if not path:
            return None
        root = open_folder()
        me = identity()
        assert root is not None and me is not None
        try:
            fingerprint = write_public_key(Path(path), me.name, county_keys(root).public)
        except (KeyFileError, FileWriteError) as exc:
            QMessageBox.warning(self.window, self.tr("导出县局公钥"), str(exc))
            return None
        QMessageBox.information(self.window, self.tr("导出县局公钥"), self.tr(
            "县局公钥已保存：\n{0}\n\n指纹：{1}\n\n请把公钥文件交给各单位，并在电话中向对方念出这个指纹，"
            "由对方核对后确认。").format(path, fingerprint))
        return fingerprint

    def import_packages(self, files: list[str] | None = None) -> list[ImportOutcome]:
        if files is None:
            files, _ = QFileDialog.getOpenFileNames(self.window, self.tr("选择各单位的数据包"), "",
                                                    self.tr("数据包 (*.yjpkg);;所有文件 (*)"))
        if not files:
            return []
        confirmed: set[str] = set()
        asked: dict[str, tuple[str, str]] = {}  # file → (office, fingerprint) not confirmed yet

        def run(paths: list[str]) -> list[ImportOutcome]:
            asked.clear()

            def confirm(office: str, fingerprint: str) -> bool:
                if fingerprint in confirmed:
                    return True
                asked[office] = (office, fingerprint)
                return False

            result = run_and_wait(self.window, self.tr("导入数据包"),
                                  lambda progress: import_packages(paths, confirm, progress), changes={COUNTY_DATA})
            return [] if result is STOPPED else result

        outcomes = run(files)
        waiting = [o for o in outcomes if o.refused and o.reason and any(o.reason.startswith(f"“{name}”")
                                                                       for name in asked)]
        for office, fingerprint in list(asked.values()):
            answer = QMessageBox.question(
                self.window, self.tr("确认报送单位"),
                self.tr("“{0}”第一次报送数据包。\n\n它的签名指纹是：\n{1}\n\n请打电话给该单位，请对方念出其数据包上的"
                        "“本单位签名指纹”。两者完全一致吗？").format(office, fingerprint))
            if answer == QMessageBox.StandardButton.Yes:
                confirmed.add(fingerprint)
        if confirmed and waiting:
            again = {str(o.file): o for o in run([str(o.file) for o in waiting])}
            outcomes = [again.get(str(o.file), o) for o in outcomes]
        QMessageBox.information(self.window, self.tr("导入数据包"), "\n".join(o.line() for o in outcomes))
        return outcomes
