"""The 兴商护航联盟 tab: members, anti-counterfeiting requests, complaints, spot checks, policies,
seminars, a dashboard, and the enterprise file (一企一档). Dialogs are Qt Designer forms
(forms/alliance_*.ui); every action goes through ``run_action``; tables are ColumnSpec models.
"""
