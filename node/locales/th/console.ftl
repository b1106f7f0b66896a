### status: drafted, not yet reviewed by a native speaker
### language: Thai

# The console's own words. Code lists (categories, purposes,
# reasons, handling codes, indicators, ICCS titles) are in codes.ftl.


## Formats

# Digit grouping of whole numbers.
# en: ,
number-group = ,
# A date and time, always UTC. $day and $year are numbers, $month a name
# from month-1 to month-12, $time "HH:MM".
# en: { $day } { $month } { $year }, { $time } UTC
date-time = { $day } { $month } { $year } { $time } UTC
# en: Jan
month-1 = ม.ค.
# en: Feb
month-2 = ก.พ.
# en: Mar
month-3 = มี.ค.
# en: Apr
month-4 = เม.ย.
# en: May
month-5 = พ.ค.
# en: Jun
month-6 = มิ.ย.
# en: Jul
month-7 = ก.ค.
# en: Aug
month-8 = ส.ค.
# en: Sep
month-9 = ก.ย.
# en: Oct
month-10 = ต.ค.
# en: Nov
month-11 = พ.ย.
# en: Dec
month-12 = ธ.ค.

## The frame of every page

# en: Liaison console
console-title = คอนโซล Liaison
# en: Node of { $country }
node-of = โหนดของ{ $country }
# en: Signed in as { $user }
signed-in-as = เข้าสู่ระบบในชื่อ { $user }
# en: Sign out
sign-out = ออกจากระบบ
# en: Language
language = ภาษา
# en: not yet reviewed
not-reviewed = ยังไม่ได้รับการตรวจทาน
# en: Skip to content
skip-to-content = ข้ามไปยังเนื้อหา
# en: Requests
nav-requests = คำขอ
# en: New request
nav-new-request = คำขอใหม่
# en: Inbox
nav-inbox = กล่องรับคำขอ
# en: Audit log
nav-audit = บันทึกการตรวจสอบ
# en: Reports
nav-reports = รายงาน
# en: Peers
nav-peers = โหนดคู่ภาคี
# en: Users
nav-users = ผู้ใช้
# en: My account
nav-account = บัญชีของฉัน
# en: Shown as sent, in the sender's language ({ $language }); never translated.
free-text-note = แสดงตามที่ส่งมา ในภาษาของผู้ส่ง ({ $language }) ไม่มีการแปล
# en: Shown as sent; never translated.
free-text-note-unknown = แสดงตามที่ส่งมา ไม่มีการแปล

## Signing in

# en: Sign in
sign-in = เข้าสู่ระบบ
# en: Sign in to Liaison
sign-in-title = เข้าสู่ระบบ Liaison
# en: Login name
login = ชื่อผู้ใช้
# en: Password
password = รหัสผ่าน
# en: Sign-in refused: wrong login name or password, or the account is locked or disabled.
sign-in-refused = เข้าสู่ระบบไม่สำเร็จ: ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง หรือบัญชีถูกล็อกหรือถูกระงับ
# en: Second factor
second-factor = การยืนยันตัวตนขั้นที่สอง
# en: Code from your authenticator app
second-factor-code = รหัสจากแอปยืนยันตัวตนของท่าน
# en: The code is wrong or already used.
second-factor-refused = รหัสไม่ถูกต้องหรือถูกใช้ไปแล้ว
# en: Verify
verify = ยืนยัน
# en: Your session has ended. Please sign in again.
session-ended = เซสชันของท่านสิ้นสุดแล้ว กรุณาเข้าสู่ระบบอีกครั้ง
# en: You are signed out.
signed-out = ท่านออกจากระบบแล้ว
# en: Your role ({ $role }) may not open this page.
forbidden = บทบาทของท่าน ({ $role }) ไม่มีสิทธิ์เปิดหน้านี้
# en: Not found.
not-found = ไม่พบหน้าที่ต้องการ
# en: This form has expired or did not come from this console. Reload the page and try again.
csrf-refused = แบบฟอร์มนี้หมดอายุแล้วหรือไม่ได้มาจากคอนโซลนี้ กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง
# en: Something went wrong
error-title = เกิดข้อผิดพลาด
# en: Back
back = ย้อนกลับ

## My account

# en: My account
account-title = บัญชีของฉัน
# en: Change password
change-password = เปลี่ยนรหัสผ่าน
# en: Your password was set by an administrator: choose your own before you go on.
must-change-password = รหัสผ่านของท่านถูกตั้งโดยผู้ดูแลระบบ กรุณาตั้งรหัสผ่านของท่านเองก่อนดำเนินการต่อ
# en: Current password
current-password = รหัสผ่านปัจจุบัน
# en: New password
new-password = รหัสผ่านใหม่
# en: At least { $min } characters, not containing your login name.
new-password-rule = อย่างน้อย { $min } ตัวอักษร และต้องไม่มีชื่อผู้ใช้ของท่าน
# en: Password changed.
password-changed = เปลี่ยนรหัสผ่านแล้ว
# en: Set up a second factor
enrol-totp = ตั้งค่าการยืนยันตัวตนขั้นที่สอง
# en: Your role must sign in with a second factor: set one up before you go on.
totp-required = บทบาทของท่านต้องเข้าสู่ระบบด้วยการยืนยันตัวตนขั้นที่สอง กรุณาตั้งค่าก่อนดำเนินการต่อ
# en: Enter this key in your authenticator app (time-based, SHA-1, 6 digits, 30 seconds):
totp-secret = ป้อนคีย์นี้ในแอปยืนยันตัวตนของท่าน (แบบอิงเวลา, SHA-1, 6 หลัก, 30 วินาที):
# en: Or open this link on the phone that has the app:
totp-uri = หรือเปิดลิงก์นี้บนโทรศัพท์ที่มีแอป:
# en: Second factor set up.
totp-enrolled = ตั้งค่าการยืนยันตัวตนขั้นที่สองแล้ว
# en: A second factor is set up for this account.
totp-active = บัญชีนี้ตั้งค่าการยืนยันตัวตนขั้นที่สองไว้แล้ว
# en: Language saved.
language-saved = บันทึกภาษาแล้ว
# en: Save
save = บันทึก
# en: Personal API token
api-token = โทเค็น API ส่วนบุคคล
# en: For the command line (liaison login): it acts as you. It is shown once.
api-token-explain = สำหรับบรรทัดคำสั่ง (liaison login): ทำงานในนามของท่าน และแสดงเพียงครั้งเดียว
# en: Issue a token
api-token-issue = ออกโทเค็น
# en: Your new token (copy it now; it is not shown again):
api-token-issued = โทเค็นใหม่ของท่าน (กรุณาคัดลอกทันที จะไม่แสดงอีก):

## Requests (focal point)

# en: Requests sent by { $country }
requests-title = คำขอที่{ $country }ส่ง
# en: No requests yet.
requests-none = ยังไม่มีคำขอ
# en: { $count -> [one] One open request *[other] { $count } open requests }
open-requests = คำขอที่ยังเปิดอยู่ { $count } รายการ
# en: Request
col-request = คำขอ
# en: To
col-to = ถึง
# en: Category
col-category = ประเภท
# en: Status
col-status = สถานะ
# en: Deadline
col-deadline = กำหนดเวลา
# en: Time left
col-time-left = เวลาที่เหลือ
# en: Case
col-case = คดี
# en: { $days -> [one] 1 day *[other] { $days } days }
time-left-days = { $days } วัน
# en: { $hours -> [one] 1 hour *[other] { $hours } hours }
time-left-hours = { $hours } ชั่วโมง
# en: overdue
overdue = เลยกำหนด
# en: New request
new-request-title = คำขอใหม่
# en: To (country)
field-to = ถึง (ประเทศ)
# en: Category
field-category = ประเภท
# en: Purpose
field-purpose = วัตถุประสงค์
# en: Offences (ICCS)
field-offences = ความผิด (ICCS)
# en: Legal basis
field-legal-basis = ฐานทางกฎหมาย
# en: Reference of the legal basis (treaty, statute)
field-legal-basis-reference = อ้างอิงฐานทางกฎหมาย (สนธิสัญญา กฎหมาย)
# en: Case reference
field-case-reference = เลขอ้างอิงคดี
# en: Summary
field-summary = สรุป
# en: Language of the summary
field-summary-language = ภาษาของสรุป
# en: Answer within (days)
field-deadline-days = ตอบภายใน (วัน)
# en: Subject kind
field-subject-kind = ชนิดของเป้าหมาย
# en: Role
field-subject-role = บทบาท
# en: Identifier
field-subject-value = ตัวระบุ
# en: This request concerns a possible victim of trafficking
field-possible-victim = คำขอนี้เกี่ยวข้องกับผู้ที่อาจเป็นผู้เสียหายจากการค้ามนุษย์
# en: Victim indicators
field-indicators = ตัวบ่งชี้ผู้เสียหาย
# en: Fields asked for
field-fields = ข้อมูลที่ขอ
# en: National offence (optional)
field-national-offence = ความผิดตามกฎหมายภายใน (ไม่บังคับ)
# en: Subject { $n }
subject-n = เป้าหมายที่ { $n }
# en: Check against the agreements
preview = ตรวจสอบกับข้อตกลง
# en: Send
send = ส่ง
# en: Both agreements allow this request: { $detail }
dry-run-allowed = ข้อตกลงของทั้งสองฝ่ายอนุญาตคำขอนี้: { $detail }
# en: Refused by the agreements: { $detail }
dry-run-denied = ถูกปฏิเสธตามข้อตกลง: { $detail }
# en: Request sent.
sent = ส่งคำขอแล้ว
# en: Request { $id }
request-title = คำขอ { $id }
# en: Timeline
timeline = ลำดับเหตุการณ์
# en: Answer
answer = คำตอบ
# en: Receipts
receipts = ใบตอบรับ
# en: Audit log positions
audit-positions = ตำแหน่งในบันทึกการตรวจสอบ
# en: Withdraw
withdraw = ถอนคำขอ
# en: Withdrawn.
withdrawn = ถอนแล้ว
# en: No answer yet.
no-answer-yet = ยังไม่มีคำตอบ
# en: Released fields
fields-released = ข้อมูลที่เปิดเผย
# en: Withheld by the agreement
fields-redacted = ระงับไว้ตามข้อตกลง
# en: Handling
handling = การจัดการข้อมูล
# en: Kept for { $days } days
retention = เก็บรักษาไว้ { $days } วัน
# en: Refused: { $reason }
refused-because = ปฏิเสธ: { $reason }

## Inbox (agency)

# en: Requests for { $agency }
inbox-title = คำขอถึง{ $agency }
# en: Nothing to answer.
inbox-none = ไม่มีคำขอที่ต้องตอบ
# en: This request concerns a possible victim of trafficking. Treat the person as a victim: the non-punishment principle applies ({ $provision }).
victim-notice = คำขอนี้เกี่ยวข้องกับผู้ที่อาจเป็นผู้เสียหายจากการค้ามนุษย์ ให้ปฏิบัติต่อบุคคลนี้ในฐานะผู้เสียหาย: ใช้หลักการไม่ลงโทษ ({ $provision })
# en: Dual criminality: { $indication }
dual-criminality = หลักความผิดสองรัฐ: { $indication }
# en: From { $country }
from-country = จาก{ $country }
# en: Answer
answer-title = ตอบ
# en: Refuse
refuse-title = ปฏิเสธ
# en: Value
field-value = ค่า
# en: Reason
field-refusal-reason = เหตุผล
# en: Note to the requester
field-note = หมายเหตุถึงผู้ร้องขอ
# en: Preview what will be released
preview-answer = ดูตัวอย่างข้อมูลที่จะเปิดเผย
# en: Send the answer
answer-send = ส่งคำตอบ
# en: Refuse the request
refuse-send = ปฏิเสธคำขอ
# en: Will be released
will-release = จะเปิดเผย
# en: Will be withheld (not granted by the agreement)
will-redact = จะระงับไว้ (ข้อตกลงไม่อนุญาต)
# en: Answer sent.
answered = ส่งคำตอบแล้ว
# en: Refusal sent.
refused = ส่งการปฏิเสธแล้ว

## Audit (auditor)

# en: Audit log
audit-title = บันทึกการตรวจสอบ
# en: Peer
filter-peer = คู่ภาคี
# en: Category
filter-category = ประเภท
# en: Event
filter-event = เหตุการณ์
# en: From (date)
filter-from = ตั้งแต่ (วันที่)
# en: To (date)
filter-to = ถึง (วันที่)
# en: Filter
filter = กรอง
# en: #
col-index = #
# en: Time
col-time = เวลา
# en: Event
col-event = เหตุการณ์
# en: Who
col-actor = ผู้ดำเนินการ
# en: Peer
col-peer = คู่ภาคี
# en: Detail
col-detail = รายละเอียด
# en: Verify this node's log
verify-log = ตรวจสอบความถูกต้องของบันทึกของโหนดนี้
# en: The log verifies: { $entries } entries, tree head signed by this node (key { $key }), every entry in it. Root: { $root }
verify-ok = บันทึกผ่านการตรวจสอบ: { $entries } รายการ ส่วนหัวของทรีลงนามโดยโหนดนี้ (คีย์ { $key }) และมีทุกรายการอยู่ในนั้น ราก: { $root }
# en: The log does NOT verify: { $problem }
verify-failed = บันทึกไม่ผ่านการตรวจสอบ: { $problem }
# en: Download the export
export = ดาวน์โหลดข้อมูลส่งออก
# en: Reports
reports-title = รายงาน
# en: Requests per peer
report-per-peer = คำขอแยกตามคู่ภาคี
# en: Requests per category
report-per-category = คำขอแยกตามประเภท
# en: Requests per month
report-per-month = คำขอแยกตามเดือน
# en: The start of an event name, e.g. request. or policy.
filter-event-hint = ส่วนต้นของชื่อเหตุการณ์ เช่น request. หรือ policy.
# en: Page
filter-before = หน้า
# en: { $field }: not a date. Write it as YYYY-MM-DD, e.g. 2026-11-30.
filter-bad-date = { $field }: ไม่ใช่วันที่ กรุณาเขียนในรูปแบบ YYYY-MM-DD เช่น 2026-11-30
# en: { $field }: not understood. Check it and try again.
filter-bad-value = { $field }: ไม่เข้าใจค่านี้ กรุณาตรวจสอบแล้วลองอีกครั้ง
# en: No entries match these filters.
audit-none = ไม่มีรายการที่ตรงกับตัวกรองเหล่านี้
# en: Newest first
audit-newest = ล่าสุดก่อน
# en: Older entries
audit-next = รายการที่เก่ากว่า
# en: The same file as "liaison audit export": the signed tree head and every entry with its inclusion proof, for verification offline with "liaison audit verify".
export-explain = ไฟล์เดียวกับ "liaison audit export": ส่วนหัวของทรีที่ลงนามแล้ว และทุกรายการพร้อมหลักฐานการรวมอยู่ (inclusion proof) สำหรับตรวจสอบแบบออฟไลน์ด้วย "liaison audit verify"
# en: Verification of this node's log
verify-title = การตรวจสอบความถูกต้องของบันทึกของโหนดนี้
# en: Entries checked: { $entries }.
verify-checked = รายการที่ตรวจสอบแล้ว: { $entries }
# en: New requests (sent or received), from the audit log.
report-explain = คำขอใหม่ (ที่ส่งหรือได้รับ) จากบันทึกการตรวจสอบ
# en: No requests yet.
report-none = ยังไม่มีคำขอ
# en: { $month } { $year }
report-month = { $month } { $year }
# en: Requests
col-count = จำนวนคำขอ
# en: Month
col-month = เดือน

## Admin

# en: Peers
peers-title = โหนดคู่ภาคี
# en: Health
col-peer-health = สถานะการเชื่อมต่อ
# en: Last delivery
col-last-delivery = ส่งถึงครั้งล่าสุด
# en: Queue
col-queue = คิว
# en: Compare agreements
compare = เปรียบเทียบข้อตกลง
# en: No peers are configured.
peers-none = ยังไม่ได้กำหนดค่าโหนดคู่ภาคี
# en: Country
col-country = ประเทศ
# en: Endpoint
col-endpoint = ปลายทางการเชื่อมต่อ (endpoint)
# en: Agreement in force
col-agreement = ข้อตกลงที่มีผลบังคับใช้
# en: OK
health-ok = ปกติ
# en: Alarm: witnessing found a problem
health-alarm = แจ้งเตือน: การตรวจสอบโดยพยาน (witnessing) พบปัญหา
# en: Deliveries failing
health-failing = การส่งล้มเหลว
# en: Not witnessed yet
health-unknown = ยังไม่ได้ตรวจสอบโดยพยาน
# en: never
never = ไม่เคย
# en: version { $version }
agreement-version = ฉบับที่ { $version }
# en: Keys and configuration
keys-config = คีย์และการกำหนดค่า
# en: This node's signing key id
own-key-id = รหัสคีย์ลงนามของโหนดนี้
# en: Earlier key ids
previous-key-ids = รหัสคีย์ก่อนหน้า
# en: Configuration file
config-path = ไฟล์การกำหนดค่า
# en: Console over HTTPS
console-tls = คอนโซลผ่าน HTTPS
# en: Local API over TLS
local-tls = API ภายในผ่าน TLS
# en: on
on = เปิด
# en: off
off = ปิด
# en: none
none = ไม่มี
# en: Agreement with { $peer }
agreements-title = ข้อตกลงกับ{ $peer }
# en: Both copies agree.
agreements-same = สำเนาทั้งสองตรงกัน
# en: Differences
agreements-differences = ความแตกต่าง
# en: What differs
col-aspect = สิ่งที่แตกต่าง
# en: What it means
col-explanation = ความหมาย
# en: This node
this-node = โหนดนี้
# en: The peer's copy
peer-side = สำเนาของคู่ภาคี
# en: Rule
agreement-rule = กฎ
# en: Rule { $n }
agreement-rule-n = กฎข้อที่ { $n }
# en: category
agreement-category = ประเภท
# en: directions
agreement-flows = ทิศทาง
# en: purposes
agreement-purposes = วัตถุประสงค์
# en: released fields
agreement-release = ข้อมูลที่เปิดเผย
# en: handling
agreement-handling = การจัดการข้อมูล
# en: retention (days)
agreement-retention = การเก็บรักษา (วัน)
# en: daily limit
agreement-daily-limit = จำนวนสูงสุดต่อวัน
# en: legal bases
agreement-legal-bases = ฐานทางกฎหมาย
# en: dual criminality required
agreement-dual-criminality = ต้องเป็นไปตามหลักความผิดสองรัฐ
# en: absent
absent = ไม่ระบุ
# en: differs
differs = แตกต่าง
# en: Users
users-title = ผู้ใช้
# en: Login
col-login = ชื่อผู้ใช้
# en: Role
col-role = บทบาท
# en: Second factor
col-second-factor = การยืนยันขั้นที่สอง
# en: State
col-state = สถานะ
# en: Add a user
add-user = เพิ่มผู้ใช้
# en: User { $login } added. One-time password (give it to them; they must change it): { $password }
user-added = เพิ่มผู้ใช้ { $login } แล้ว รหัสผ่านใช้ครั้งเดียว (มอบให้ผู้ใช้ ผู้ใช้ต้องเปลี่ยน): { $password }
# en: New one-time password for { $login }: { $password }
password-reset = รหัสผ่านใช้ครั้งเดียวใหม่สำหรับ { $login }: { $password }
# en: Disable
disable = ระงับ
# en: Enable
enable = เปิดใช้
# en: Reset password
reset-password = รีเซ็ตรหัสผ่าน
# en: Change role
set-role = เปลี่ยนบทบาท
# en: active
state-active = ใช้งานอยู่
# en: disabled
state-disabled = ถูกระงับ
# en: locked
state-locked = ถูกล็อก
# en: yes
yes = ใช่
# en: no
no = ไม่
# en: Subject
col-subject = เป้าหมาย
# en: Your decision on dual criminality, if you override the indication
field-dual-decision = คำวินิจฉัยของท่านเรื่องหลักความผิดสองรัฐ หากท่านไม่ใช้ตามข้อบ่งชี้
# en: Full name of the possible victim
field-victim-name = ชื่อเต็มของผู้ที่อาจเป็นผู้เสียหาย
# en: Date of birth
field-victim-birth = วันเกิด
# en: Nationality (country code)
field-victim-nationality = สัญชาติ (รหัสประเทศ)
# en: Comma-separated field names; empty for every field the agreement accepts.
field-fields-hint = ชื่อข้อมูลคั่นด้วยจุลภาค เว้นว่างไว้เพื่อขอทุกข้อมูลที่ข้อตกลงยอมรับ
# en: Phone number
text-kind-phone = หมายเลขโทรศัพท์
# en: Person (full name)
text-kind-person = บุคคล (ชื่อเต็ม)
# en: Crypto wallet
text-kind-wallet = กระเป๋าเงินคริปโต
# en: Company
text-kind-company = บริษัท
# en: Bank account (IBAN)
text-kind-iban = บัญชีธนาคาร (IBAN)
# en: Bank account (number and BIC)
text-kind-bank-account = บัญชีธนาคาร (เลขบัญชีและ BIC)
# en: Online account
text-kind-online = บัญชีออนไลน์
# en: Device (IMEI)
text-kind-imei = อุปกรณ์ (IMEI)
# en: Identity document
text-kind-id-document = เอกสารแสดงตน
# en: Vehicle
text-kind-vehicle = ยานพาหนะ
# en: IP address
text-kind-ip = ที่อยู่ IP
# en: Evidence files
evidence-title = ไฟล์พยานหลักฐาน
# en: No file is attached to this request yet.
evidence-none = ยังไม่มีไฟล์แนบกับคำขอนี้
# en: File
evidence-col-file = ไฟล์
# en: From
evidence-col-from = จาก
# en: State
evidence-col-state = สถานะ
# en: Acquired by, when, from what source
evidence-col-acquired = ได้มาโดยใคร เมื่อใด จากแหล่งใด
# en: SHA-256
evidence-col-hash = SHA-256
# en: { $bytes } bytes
evidence-size = { $bytes } ไบต์
# en: Attached here, not yet sent
evidence-state-attached = แนบไว้ที่นี่ ยังไม่ได้ส่ง
# en: Sending
evidence-state-sending = กำลังส่ง
# en: Delivered: the receiver verified it and signed a receipt
evidence-state-delivered = ส่งถึงแล้ว: ผู้รับตรวจสอบความถูกต้องแล้วและลงนามในใบตอบรับ
# en: Expected: its bytes are on their way
evidence-state-expected = รอรับ: ข้อมูลของไฟล์กำลังส่งมา
# en: Received and verified against the signed manifest
evidence-state-received = ได้รับแล้วและตรวจสอบความถูกต้องกับบัญชีรายการไฟล์ (manifest) ที่ลงนามแล้ว
# en: Erased at the end of the retention period
evidence-state-purged = ลบแล้วเมื่อสิ้นสุดระยะเวลาเก็บรักษา
# en: Unknown state
evidence-state-unknown = ไม่ทราบสถานะ
# en: Download
evidence-download = ดาวน์โหลด
# en: Send the attached files
evidence-send = ส่งไฟล์ที่แนบไว้
# en: Download the court package
evidence-package = ดาวน์โหลดชุดเอกสารสำหรับศาล
# en: One zip file a court can check offline with "liaison evidence verify": the files, the signed messages and receipts, every custody entry with its proof, the signed tree heads and both countries' keys. Downloading it is recorded in the audit log.
evidence-package-note = ไฟล์ zip ไฟล์เดียวที่ศาลตรวจสอบแบบออฟไลน์ได้ด้วย "liaison evidence verify": ไฟล์ ข้อความและใบตอบรับที่ลงนามแล้ว ทุกรายการในห่วงโซ่การครอบครองพยานหลักฐาน (chain of custody) พร้อมหลักฐานการรวมอยู่ ส่วนหัวของทรีที่ลงนามแล้ว และคีย์ของทั้งสองประเทศ การดาวน์โหลดชุดนี้จะถูกบันทึกไว้ในบันทึกการตรวจสอบ
# en: Attach a file
evidence-attach-title = แนบไฟล์
# en: Source or device it was taken from
evidence-field-source = แหล่งที่มาหรืออุปกรณ์ที่ได้ไฟล์นี้มา
# en: What it shows
evidence-field-description = สิ่งที่ไฟล์นี้แสดง
# en: File
evidence-field-file = ไฟล์
# en: Files up to { $mib } MiB on this node; the agreement may allow less, and names the media types it accepts. Attached files are sent only when you press "Send the attached files".
evidence-limit = ไฟล์ขนาดไม่เกิน { $mib } MiB บนโหนดนี้ ข้อตกลงอาจอนุญาตน้อยกว่านี้ และระบุชนิดสื่อ (media type) ที่ยอมรับ ไฟล์ที่แนบจะถูกส่งเมื่อท่านกด "ส่งไฟล์ที่แนบไว้" เท่านั้น
# en: Attach
evidence-attach = แนบ

## Hit/no-hit checks (focal point) and indicator lists (agency)
# en: Hit checks
nav-hits = ตรวจพบ/ไม่พบ
# en: Indicator lists
nav-lists = รายการตัวบ่งชี้
# en: Hit/no-hit checks
hits-title = การตรวจสอบพบ/ไม่พบ
# en: Asks whether a peer's agencies list these values, without the peer learning them. A miss says only "no hit"; a hit names the agency, its list and its reference, for a follow-up request. Every value counts against the agreement's daily quota.
hits-explain = สอบถามว่าหน่วยงานของคู่ภาคีมีค่าเหล่านี้อยู่ในรายการหรือไม่ โดยที่คู่ภาคีไม่รู้ว่าเป็นค่าใด หากไม่พบจะได้คำตอบเพียง "ไม่พบ" หากพบจะระบุหน่วยงาน รายการ และเลขอ้างอิง เพื่อใช้ส่งคำขอติดตามผล ทุกค่าที่ตรวจจะนับรวมในโควตารายวันของข้อตกลง
# en: Country to check against
hits-field-peer = ประเทศที่จะตรวจสอบ
# en: No agreement with a peer allows this country hit/no-hit checks: a check will be refused.
hits-no-agreement = ยังไม่มีข้อตกลงกับคู่ภาคีใดที่อนุญาตให้ประเทศนี้ตรวจสอบพบ/ไม่พบ การตรวจสอบจะถูกปฏิเสธ
# en: Kind of values
hits-field-kind = ชนิดของค่า
# en: Values, one per line (at most 1,000)
hits-field-values = ค่า บรรทัดละหนึ่งค่า (ไม่เกิน 1,000 ค่า)
# en: Phone numbers in E.164 form (+85512345678); bank accounts as an IBAN or BIC/ACCOUNT; wallets by address; online accounts as PLATFORM:handle; IMEIs of 15 digits; identity documents as COUNTRY:NUMBER (VNM:C1234567).
hits-kinds-hint = หมายเลขโทรศัพท์ในรูปแบบ E.164 (+85512345678) บัญชีธนาคารเป็น IBAN หรือ BIC/ACCOUNT กระเป๋าเงินคริปโตตามที่อยู่ บัญชีออนไลน์เป็น PLATFORM:handle IMEI 15 หลัก เอกสารแสดงตนเป็น COUNTRY:NUMBER (VNM:C1234567)
# en: Check
hits-check = ตรวจสอบ
# en: Give 1 to 1,000 values, one per line.
hits-values-count = กรุณาใส่ค่า 1 ถึง 1,000 ค่า บรรทัดละหนึ่งค่า
# en: Results
hits-results-title = ผลการตรวจสอบ
# en: Values checked at { $peer }: { $count }. Hits: { $hits }.
hits-checked = ค่าที่ตรวจสอบกับ { $peer }: { $count } พบ: { $hits }
# en: Values { $peer } still allows today: { $left }. The quota resets at { $resets }.
hits-quota = จำนวนค่าที่ { $peer } ยังอนุญาตวันนี้: { $left } โควตาจะเริ่มใหม่เมื่อ { $resets }
# en: Epoch of { $peer }'s signed set: { $epoch }. Entries in the set for this country: { $entries }.
hits-set = epoch ของชุดข้อมูลที่ลงนามของ { $peer }: { $epoch } จำนวนรายการในชุดสำหรับประเทศนี้: { $entries }
# en: Value
hits-col-value = ค่า
# en: Result
hits-col-outcome = ผล
# en: Agency
hits-col-agency = หน่วยงาน
# en: List
hits-col-list = รายการ
# en: Reference
hits-col-reference = เลขอ้างอิง
# en: Date added
hits-col-added = วันที่เพิ่ม
# en: Hit
hits-hit = พบ
# en: No hit
hits-miss = ไม่พบ
# en: Follow up
hits-follow-up = ติดตามผล
# en: Follow-up of a hit on { $agency }/{ $list }, reference { $reference }. The request goes to { $peer }; leave the subject empty and the value that hit is filled in.
hits-follow-up-notice = คำขอติดตามผลจากการตรวจพบใน { $agency }/{ $list } เลขอ้างอิง { $reference } คำขอจะส่งถึง { $peer } เว้นเป้าหมายว่างไว้ได้ ระบบจะใส่ค่าที่ตรวจพบให้
# en: { $agency }/{ $list }, reference { $reference }
hits-listing = { $agency }/{ $list } เลขอ้างอิง { $reference }
# en: Follows up a hit
request-hit = ติดตามผลจากการตรวจพบ
# en: The value refused is value { $n }, on line { $line }.
value-refused-line = ค่าที่ถูกปฏิเสธคือค่าที่ { $n } ในบรรทัดที่ { $line }
# en: Phone number
hits-kind-phone = หมายเลขโทรศัพท์
# en: Bank account
hits-kind-bank_account = บัญชีธนาคาร
# en: Crypto wallet
hits-kind-wallet = กระเป๋าเงินคริปโต
# en: Online account
hits-kind-online_account = บัญชีออนไลน์
# en: Device (IMEI)
hits-kind-imei = อุปกรณ์ (IMEI)
# en: Identity document
hits-kind-identity_document = เอกสารแสดงตน
# en: Indicator lists of { $agency }
lists-title = รายการตัวบ่งชี้ของ { $agency }
# en: Values your agency lists, which the peers the agreements name may check without seeing the lists. Values are stored encrypted and never shown here, only counted.
lists-explain = ค่าที่หน่วยงานของท่านมีในรายการ ซึ่งคู่ภาคีที่ข้อตกลงระบุไว้ตรวจสอบได้โดยไม่เห็นรายการ ค่าต่าง ๆ ถูกเก็บแบบเข้ารหัสและไม่แสดงที่นี่ แสดงเพียงจำนวน
# en: Epoch { $epoch }, begun { $started }. It ends { $ends }, or sooner when a list changes.
lists-epoch = epoch { $epoch } เริ่มเมื่อ { $started } สิ้นสุดเมื่อ { $ends } หรือเร็วกว่านั้นเมื่อรายการเปลี่ยนแปลง
# en: No list yet.
lists-none = ยังไม่มีรายการ
# en: List
lists-col-list = รายการ
# en: Values per kind
lists-col-counts = จำนวนค่าตามชนิด
# en: Last changed
lists-col-updated = เปลี่ยนแปลงล่าสุด
# en: Remove the whole list
lists-remove-all = ลบทั้งรายการ
# en: Removing a whole list destroys its key: its values cannot be read again.
lists-remove-all-hint = การลบทั้งรายการจะทำลายคีย์ของรายการ ค่าในรายการจะอ่านไม่ได้อีก
# en: Import values
lists-import-title = นำเข้าค่า
# en: List
lists-field-list = รายการ
# en: 1 to 64 lower-case letters, digits, - _ or . (a new name makes a new list).
lists-list-hint = อักษรละตินตัวพิมพ์เล็ก ตัวเลข - _ หรือ . 1 ถึง 64 ตัว (ชื่อใหม่จะสร้างรายการใหม่)
# en: CSV file
lists-field-file = ไฟล์ CSV
# en: One entry per line: value,reference[,added], the date added as YYYY-MM-DD (empty: today). A header line is skipped. A value already listed gets the new reference and date.
lists-file-hint = บรรทัดละหนึ่งรายการ: value,reference[,added] โดยวันที่เพิ่มเป็น YYYY-MM-DD (เว้นว่าง: วันนี้) บรรทัดหัวตารางจะถูกข้าม ค่าที่มีอยู่แล้วจะได้เลขอ้างอิงและวันที่ใหม่
# en: Import
lists-import = นำเข้า
# en: Remove values
lists-remove-title = ลบค่า
# en: Values to remove, one per line
lists-field-values = ค่าที่จะลบ บรรทัดละหนึ่งค่า
# en: Remove these values
lists-remove = ลบค่าเหล่านี้
# en: { $list }: { $added } added or updated, { $removed } removed, { $absent } not on the list. Epoch now: { $epoch }.
lists-changed = { $list }: เพิ่มหรือปรับปรุง { $added } ลบ { $removed } ไม่อยู่ในรายการ { $absent } epoch ปัจจุบัน: { $epoch }
# en: The entry refused is on line { $line } of the file.
lists-line-refused = รายการที่ถูกปฏิเสธอยู่ในบรรทัดที่ { $line } ของไฟล์
# en: The form did not arrive as this page sends it. Reload the page and try again.
lists-form-refused = แบบฟอร์มที่ได้รับไม่ตรงกับที่หน้านี้ส่ง กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง
# en: The file is too large: at most { $kib } KiB and { $max } entries. Split it.
lists-csv-too-large = ไฟล์ใหญ่เกินไป: ไม่เกิน { $kib } KiB และ { $max } รายการ กรุณาแบ่งไฟล์
# en: The file is not UTF-8 text.
lists-csv-not-text = ไฟล์ไม่ใช่ข้อความ UTF-8
# en: The file holds no entries.
lists-csv-empty = ไฟล์ไม่มีรายการ
# en: Line { $line } of the file: an entry is value,reference[,added].
lists-csv-fields = บรรทัดที่ { $line } ของไฟล์: แต่ละรายการคือ value,reference[,added]
# en: Line { $line } of the file: a quote out of place. Put a whole field in quotes and double a quote inside it ("").
lists-csv-quote = บรรทัดที่ { $line } ของไฟล์: เครื่องหมายคำพูดอยู่ผิดตำแหน่ง ให้ใส่เครื่องหมายคำพูดครอบทั้งช่อง และใช้ "" แทนเครื่องหมายคำพูดภายใน
