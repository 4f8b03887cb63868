"""Writes the Import Center bench's workbooks: 100,000 invoice rows and 100,000 lead
rows as people send them (a title row, Indonesian amounts and dates), plus the same
invoice rows as CSV for COPY. Usage: imports.py OUT_DIR ROWS CUSTOMERS."""

import csv
import os
import sys

from openpyxl import Workbook

out, rows, customers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def idr(n):
    return f"{n:,}".replace(",", ".")


def invoices():
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Faktur")
    ws.append(["DAFTAR FAKTUR — BENCH"])
    ws.append(["No. Faktur", "Kode Pelanggan", "Tgl Faktur", "Jatuh Tempo", "Jumlah", "Keterangan"])
    with open(os.path.join(out, "invoices.csv"), "w", newline="") as f:
        w = csv.writer(f)
        for i in range(rows):
            day = 1 + i % 28
            amount = 100_000 + (i * 7919) % 9_900_000
            row = [f"BINV-{i:07d}", f"BENCH-C{i % customers:05d}", f"{day:02d}/11/2026",
                   f"{day:02d}/12/2026", idr(amount), "freight"]
            ws.append(row)
            w.writerow([f"BINV-{i:07d}", f"00000000-0000-0000-0000-{i % customers:012d}", f"2026-11-{day:02d}", f"2026-12-{day:02d}",
                        amount, "freight"])
    wb.save(os.path.join(out, "invoices.xlsx"))


def leads():
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Leads")
    ws.append(["Nama", "Nama Perusahaan", "No HP", "Email", "Sumber", "Layanan"])
    companies = max(rows // 5, 1)
    for i in range(rows):
        c = i % companies
        ws.append([f"Kontak {i}", f"PT Bench {c}", f"0812{c:08d}", f"kontak{i}@bench{c}.id",
                   "instagram", "EXIM"])
    wb.save(os.path.join(out, "leads.xlsx"))


invoices()
leads()
