### status: drafted, not yet reviewed by a native speaker
### language: Malay

# The console's own words. Code lists (categories, purposes,
# reasons, handling codes, indicators, ICCS titles) are in codes.ftl.


## Formats

# Digit grouping of whole numbers.
# en: ,
number-group = ,
# A date and time, always UTC. $day and $year are numbers, $month a name
# from month-1 to month-12, $time "HH:MM".
# en: { $day } { $month } { $year }, { $time } UTC
date-time = { $day } { $month } { $year }, { $time } UTC
# en: Jan
month-1 = Jan
# en: Feb
month-2 = Feb
# en: Mar
month-3 = Mac
# en: Apr
month-4 = Apr
# en: May
month-5 = Mei
# en: Jun
month-6 = Jun
# en: Jul
month-7 = Jul
# en: Aug
month-8 = Ogo
# en: Sep
month-9 = Sep
# en: Oct
month-10 = Okt
# en: Nov
month-11 = Nov
# en: Dec
month-12 = Dis

## The frame of every page

# en: Liaison console
console-title = Konsol Liaison
# en: Node of { $country }
node-of = Nod { $country }
# en: Signed in as { $user }
signed-in-as = Log masuk sebagai { $user }
# en: Sign out
sign-out = Log keluar
# en: Language
language = Bahasa
# en: not yet reviewed
not-reviewed = belum disemak
# en: Skip to content
skip-to-content = Langkau ke kandungan
# en: Requests
nav-requests = Permintaan
# en: New request
nav-new-request = Permintaan baharu
# en: Inbox
nav-inbox = Peti masuk
# en: Audit log
nav-audit = Log audit
# en: Reports
nav-reports = Laporan
# en: Peers
nav-peers = Nod rakan
# en: Users
nav-users = Pengguna
# en: My account
nav-account = Akaun saya
# en: Shown as sent, in the sender's language ({ $language }); never translated.
free-text-note = Dipaparkan seperti yang dihantar, dalam bahasa pengirim ({ $language }); tidak sekali-kali diterjemahkan.
# en: Shown as sent; never translated.
free-text-note-unknown = Dipaparkan seperti yang dihantar; tidak sekali-kali diterjemahkan.

## Signing in

# en: Sign in
sign-in = Log masuk
# en: Sign in to Liaison
sign-in-title = Log masuk ke Liaison
# en: Login name
login = Nama log masuk
# en: Password
password = Kata laluan
# en: Sign-in refused: wrong login name or password, or the account is locked or disabled.
sign-in-refused = Log masuk ditolak: nama log masuk atau kata laluan salah, atau akaun dikunci atau dilumpuhkan.
# en: Second factor
second-factor = Faktor kedua
# en: Code from your authenticator app
second-factor-code = Kod daripada aplikasi pengesah anda
# en: The code is wrong or already used.
second-factor-refused = Kod salah atau telah digunakan.
# en: Verify
verify = Sahkan
# en: Your session has ended. Please sign in again.
session-ended = Sesi anda telah tamat. Sila log masuk semula.
# en: You are signed out.
signed-out = Anda telah log keluar.
# en: Your role ({ $role }) may not open this page.
forbidden = Peranan anda ({ $role }) tidak dibenarkan membuka halaman ini.
# en: Not found.
not-found = Tidak dijumpai.
# en: This form has expired or did not come from this console. Reload the page and try again.
csrf-refused = Borang ini telah tamat tempoh atau bukan daripada konsol ini. Muat semula halaman dan cuba lagi.
# en: Something went wrong
error-title = Berlaku ralat
# en: Back
back = Kembali

## My account

# en: My account
account-title = Akaun saya
# en: Change password
change-password = Tukar kata laluan
# en: Your password was set by an administrator: choose your own before you go on.
must-change-password = Kata laluan anda ditetapkan oleh pentadbir: pilih kata laluan anda sendiri sebelum meneruskan.
# en: Current password
current-password = Kata laluan semasa
# en: New password
new-password = Kata laluan baharu
# en: At least { $min } characters, not containing your login name.
new-password-rule = Sekurang-kurangnya { $min } aksara, tidak mengandungi nama log masuk anda.
# en: Password changed.
password-changed = Kata laluan ditukar.
# en: Set up a second factor
enrol-totp = Sediakan faktor kedua
# en: Your role must sign in with a second factor: set one up before you go on.
totp-required = Peranan anda mesti log masuk dengan faktor kedua: sediakan satu sebelum meneruskan.
# en: Enter this key in your authenticator app (time-based, SHA-1, 6 digits, 30 seconds):
totp-secret = Masukkan kunci ini dalam aplikasi pengesah anda (berasaskan masa, SHA-1, 6 digit, 30 saat):
# en: Or open this link on the phone that has the app:
totp-uri = Atau buka pautan ini pada telefon yang mempunyai aplikasi tersebut:
# en: Second factor set up.
totp-enrolled = Faktor kedua telah disediakan.
# en: A second factor is set up for this account.
totp-active = Akaun ini telah mempunyai faktor kedua.
# en: Language saved.
language-saved = Bahasa disimpan.
# en: Save
save = Simpan
# en: Personal API token
api-token = Token API peribadi
# en: For the command line (liaison login): it acts as you. It is shown once.
api-token-explain = Untuk baris arahan (liaison login): token ini bertindak bagi pihak anda. Ia dipaparkan sekali sahaja.
# en: Issue a token
api-token-issue = Keluarkan token
# en: Your new token (copy it now; it is not shown again):
api-token-issued = Token baharu anda (salin sekarang; ia tidak akan dipaparkan lagi):

## Requests (focal point)

# en: Requests sent by { $country }
requests-title = Permintaan yang dihantar oleh { $country }
# en: No requests yet.
requests-none = Belum ada permintaan.
# en: { $count -> [one] One open request *[other] { $count } open requests }
open-requests = { $count } permintaan terbuka
# en: Request
col-request = Permintaan
# en: To
col-to = Kepada
# en: Category
col-category = Kategori
# en: Status
col-status = Status
# en: Deadline
col-deadline = Tarikh akhir
# en: Time left
col-time-left = Baki masa
# en: Case
col-case = Kes
# en: { $days -> [one] 1 day *[other] { $days } days }
time-left-days = { $days } hari
# en: { $hours -> [one] 1 hour *[other] { $hours } hours }
time-left-hours = { $hours } jam
# en: overdue
overdue = lewat
# en: New request
new-request-title = Permintaan baharu
# en: To (country)
field-to = Kepada (negara)
# en: Category
field-category = Kategori
# en: Purpose
field-purpose = Tujuan
# en: Offences (ICCS)
field-offences = Kesalahan (ICCS)
# en: Legal basis
field-legal-basis = Asas undang-undang
# en: Reference of the legal basis (treaty, statute)
field-legal-basis-reference = Rujukan asas undang-undang (perjanjian, statut)
# en: Case reference
field-case-reference = Rujukan kes
# en: Summary
field-summary = Ringkasan
# en: Language of the summary
field-summary-language = Bahasa ringkasan
# en: Answer within (days)
field-deadline-days = Jawab dalam tempoh (hari)
# en: Subject kind
field-subject-kind = Jenis subjek
# en: Role
field-subject-role = Peranan
# en: Identifier
field-subject-value = Pengenal
# en: This request concerns a possible victim of trafficking
field-possible-victim = Permintaan ini melibatkan orang yang mungkin mangsa pemerdagangan orang
# en: Victim indicators
field-indicators = Penunjuk mangsa
# en: Fields asked for
field-fields = Medan yang diminta
# en: National offence (optional)
field-national-offence = Kesalahan di bawah undang-undang negara (pilihan)
# en: Subject { $n }
subject-n = Subjek { $n }
# en: Check against the agreements
preview = Semak berdasarkan perjanjian
# en: Send
send = Hantar
# en: Both agreements allow this request: { $detail }
dry-run-allowed = Kedua-dua perjanjian membenarkan permintaan ini: { $detail }
# en: Refused by the agreements: { $detail }
dry-run-denied = Ditolak oleh perjanjian: { $detail }
# en: Request sent.
sent = Permintaan dihantar.
# en: Request { $id }
request-title = Permintaan { $id }
# en: Timeline
timeline = Garis masa
# en: Answer
answer = Jawapan
# en: Receipts
receipts = Resit
# en: Audit log positions
audit-positions = Kedudukan dalam log audit
# en: Withdraw
withdraw = Tarik balik
# en: Withdrawn.
withdrawn = Ditarik balik.
# en: No answer yet.
no-answer-yet = Belum ada jawapan.
# en: Released fields
fields-released = Medan yang dikeluarkan
# en: Withheld by the agreement
fields-redacted = Ditahan oleh perjanjian
# en: Handling
handling = Syarat pengendalian
# en: Kept for { $days } days
retention = Disimpan selama { $days } hari
# en: Refused: { $reason }
refused-because = Ditolak: { $reason }

## Inbox (agency)

# en: Requests for { $agency }
inbox-title = Permintaan untuk { $agency }
# en: Nothing to answer.
inbox-none = Tiada apa-apa untuk dijawab.
# en: This request concerns a possible victim of trafficking. Treat the person as a victim: the non-punishment principle applies ({ $provision }).
victim-notice = Permintaan ini melibatkan orang yang mungkin mangsa pemerdagangan orang. Layan orang itu sebagai mangsa: prinsip tidak menghukum mangsa terpakai ({ $provision }).
# en: Dual criminality: { $indication }
dual-criminality = Dwijenayah: { $indication }
# en: From { $country }
from-country = Daripada { $country }
# en: Answer
answer-title = Jawab
# en: Refuse
refuse-title = Tolak
# en: Value
field-value = Nilai
# en: Reason
field-refusal-reason = Sebab
# en: Note to the requester
field-note = Nota kepada peminta
# en: Preview what will be released
preview-answer = Pratonton perkara yang akan dikeluarkan
# en: Send the answer
answer-send = Hantar jawapan
# en: Refuse the request
refuse-send = Tolak permintaan
# en: Will be released
will-release = Akan dikeluarkan
# en: Will be withheld (not granted by the agreement)
will-redact = Akan ditahan (tidak dibenarkan oleh perjanjian)
# en: Answer sent.
answered = Jawapan dihantar.
# en: Refusal sent.
refused = Penolakan dihantar.

## Audit (auditor)

# en: Audit log
audit-title = Log audit
# en: Peer
filter-peer = Nod rakan
# en: Category
filter-category = Kategori
# en: Event
filter-event = Peristiwa
# en: From (date)
filter-from = Dari (tarikh)
# en: To (date)
filter-to = Hingga (tarikh)
# en: Filter
filter = Tapis
# en: #
col-index = #
# en: Time
col-time = Masa
# en: Event
col-event = Peristiwa
# en: Who
col-actor = Oleh
# en: Peer
col-peer = Nod rakan
# en: Detail
col-detail = Butiran
# en: Verify this node's log
verify-log = Sahkan log nod ini
# en: The log verifies: { $entries } entries, tree head signed by this node (key { $key }), every entry in it. Root: { $root }
verify-ok = Log disahkan: { $entries } entri, kepala pepohon ditandatangani oleh nod ini (kunci { $key }), setiap entri ada di dalamnya. Akar: { $root }
# en: The log does NOT verify: { $problem }
verify-failed = Log TIDAK dapat disahkan: { $problem }
# en: Download the export
export = Muat turun eksport
# en: Reports
reports-title = Laporan
# en: Requests per peer
report-per-peer = Permintaan mengikut nod rakan
# en: Requests per category
report-per-category = Permintaan mengikut kategori
# en: Requests per month
report-per-month = Permintaan mengikut bulan
# en: The start of an event name, e.g. request. or policy.
filter-event-hint = Permulaan nama peristiwa, cth. request. atau policy.
# en: Page
filter-before = Halaman
# en: { $field }: not a date. Write it as YYYY-MM-DD, e.g. 2026-11-30.
filter-bad-date = { $field }: bukan tarikh. Tulis sebagai YYYY-MM-DD, cth. 2026-11-30.
# en: { $field }: not understood. Check it and try again.
filter-bad-value = { $field }: tidak difahami. Semak dan cuba lagi.
# en: No entries match these filters.
audit-none = Tiada entri yang sepadan dengan penapis ini.
# en: Newest first
audit-newest = Terbaharu dahulu
# en: Older entries
audit-next = Entri lebih lama
# en: The same file as "liaison audit export": the signed tree head and every entry with its inclusion proof, for verification offline with "liaison audit verify".
export-explain = Fail yang sama seperti "liaison audit export": kepala pepohon yang ditandatangani dan setiap entri bersama bukti kemasukannya, untuk pengesahan luar talian dengan "liaison audit verify".
# en: Verification of this node's log
verify-title = Pengesahan log nod ini
# en: Entries checked: { $entries }.
verify-checked = Entri yang disemak: { $entries }.
# en: New requests (sent or received), from the audit log.
report-explain = Permintaan baharu (dihantar atau diterima), daripada log audit.
# en: No requests yet.
report-none = Belum ada permintaan.
# en: { $month } { $year }
report-month = { $month } { $year }
# en: Requests
col-count = Bilangan permintaan
# en: Month
col-month = Bulan

## Admin

# en: Peers
peers-title = Nod rakan
# en: Health
col-peer-health = Keadaan sambungan
# en: Last delivery
col-last-delivery = Penghantaran terakhir
# en: Queue
col-queue = Baris gilir
# en: Compare agreements
compare = Bandingkan perjanjian
# en: No peers are configured.
peers-none = Tiada nod rakan dikonfigurasikan.
# en: Country
col-country = Negara
# en: Endpoint
col-endpoint = Titik akhir (endpoint)
# en: Agreement in force
col-agreement = Perjanjian yang berkuat kuasa
# en: OK
health-ok = Baik
# en: Alarm: witnessing found a problem
health-alarm = Amaran: penyaksian (witnessing) menemui masalah
# en: Deliveries failing
health-failing = Penghantaran gagal
# en: Not witnessed yet
health-unknown = Belum disaksikan
# en: never
never = tidak pernah
# en: version { $version }
agreement-version = versi { $version }
# en: Keys and configuration
keys-config = Kunci dan konfigurasi
# en: This node's signing key id
own-key-id = ID kunci tandatangan nod ini
# en: Earlier key ids
previous-key-ids = ID kunci terdahulu
# en: Configuration file
config-path = Fail konfigurasi
# en: Console over HTTPS
console-tls = Konsol melalui HTTPS
# en: Local API over TLS
local-tls = API tempatan melalui TLS
# en: on
on = hidup
# en: off
off = mati
# en: none
none = tiada
# en: Agreement with { $peer }
agreements-title = Perjanjian dengan { $peer }
# en: Both copies agree.
agreements-same = Kedua-dua salinan sepadan.
# en: Differences
agreements-differences = Perbezaan
# en: What differs
col-aspect = Apa yang berbeza
# en: What it means
col-explanation = Maksudnya
# en: This node
this-node = Nod ini
# en: The peer's copy
peer-side = Salinan nod rakan
# en: Rule
agreement-rule = Peraturan
# en: Rule { $n }
agreement-rule-n = Peraturan { $n }
# en: category
agreement-category = kategori
# en: directions
agreement-flows = arah
# en: purposes
agreement-purposes = tujuan
# en: released fields
agreement-release = medan yang dikeluarkan
# en: handling
agreement-handling = syarat pengendalian
# en: retention (days)
agreement-retention = tempoh simpanan (hari)
# en: daily limit
agreement-daily-limit = had harian
# en: legal bases
agreement-legal-bases = asas undang-undang
# en: dual criminality required
agreement-dual-criminality = dwijenayah diperlukan
# en: absent
absent = tiada
# en: differs
differs = berbeza
# en: Users
users-title = Pengguna
# en: Login
col-login = Nama log masuk
# en: Role
col-role = Peranan
# en: Second factor
col-second-factor = Faktor kedua
# en: State
col-state = Keadaan
# en: Add a user
add-user = Tambah pengguna
# en: User { $login } added. One-time password (give it to them; they must change it): { $password }
user-added = Pengguna { $login } ditambah. Kata laluan sekali guna (berikan kepadanya; dia mesti menukarnya): { $password }
# en: New one-time password for { $login }: { $password }
password-reset = Kata laluan sekali guna baharu untuk { $login }: { $password }
# en: Disable
disable = Lumpuhkan
# en: Enable
enable = Dayakan
# en: Reset password
reset-password = Set semula kata laluan
# en: Change role
set-role = Tukar peranan
# en: active
state-active = aktif
# en: disabled
state-disabled = dilumpuhkan
# en: locked
state-locked = dikunci
# en: yes
yes = ya
# en: no
no = tidak
# en: Subject
col-subject = Subjek
# en: Your decision on dual criminality, if you override the indication
field-dual-decision = Keputusan anda tentang dwijenayah, jika anda mengatasi petunjuk tersebut
# en: Full name of the possible victim
field-victim-name = Nama penuh orang yang mungkin mangsa
# en: Date of birth
field-victim-birth = Tarikh lahir
# en: Nationality (country code)
field-victim-nationality = Kewarganegaraan (kod negara)
# en: Comma-separated field names; empty for every field the agreement accepts.
field-fields-hint = Nama medan dipisahkan dengan koma; biarkan kosong untuk semua medan yang diterima oleh perjanjian.
# en: Phone number
text-kind-phone = Nombor telefon
# en: Person (full name)
text-kind-person = Individu (nama penuh)
# en: Crypto wallet
text-kind-wallet = Dompet kripto
# en: Company
text-kind-company = Syarikat
# en: Bank account (IBAN)
text-kind-iban = Akaun bank (IBAN)
# en: Bank account (number and BIC)
text-kind-bank-account = Akaun bank (nombor dan BIC)
# en: Online account
text-kind-online = Akaun dalam talian
# en: Device (IMEI)
text-kind-imei = Peranti (IMEI)
# en: Identity document
text-kind-id-document = Dokumen pengenalan diri
# en: Vehicle
text-kind-vehicle = Kenderaan
# en: IP address
text-kind-ip = Alamat IP
# en: Evidence files
evidence-title = Fail bukti
# en: No file is attached to this request yet.
evidence-none = Belum ada fail dilampirkan pada permintaan ini.
# en: File
evidence-col-file = Fail
# en: From
evidence-col-from = Daripada
# en: State
evidence-col-state = Keadaan
# en: Acquired by, when, from what source
evidence-col-acquired = Diperoleh oleh siapa, bila, daripada sumber mana
# en: SHA-256
evidence-col-hash = SHA-256
# en: { $bytes } bytes
evidence-size = { $bytes } bait
# en: Attached here, not yet sent
evidence-state-attached = Dilampirkan di sini, belum dihantar
# en: Sending
evidence-state-sending = Sedang dihantar
# en: Delivered: the receiver verified it and signed a receipt
evidence-state-delivered = Telah disampaikan: penerima telah mengesahkannya dan menandatangani resit
# en: Expected: its bytes are on their way
evidence-state-expected = Dijangka: kandungan fail sedang dalam perjalanan
# en: Received and verified against the signed manifest
evidence-state-received = Diterima dan disahkan berdasarkan manifes yang ditandatangani
# en: Erased at the end of the retention period
evidence-state-purged = Dipadam pada akhir tempoh simpanan
# en: Unknown state
evidence-state-unknown = Keadaan tidak diketahui
# en: Download
evidence-download = Muat turun
# en: Send the attached files
evidence-send = Hantar fail yang dilampirkan
# en: Download the court package
evidence-package = Muat turun pakej mahkamah
# en: One zip file a court can check offline with "liaison evidence verify": the files, the signed messages and receipts, every custody entry with its proof, the signed tree heads and both countries' keys. Downloading it is recorded in the audit log.
evidence-package-note = Satu fail zip yang boleh disemak oleh mahkamah secara luar talian dengan "liaison evidence verify": fail-fail, mesej dan resit yang ditandatangani, setiap entri rantaian jagaan bukti (chain of custody) bersama bukti kemasukannya, kepala pepohon yang ditandatangani dan kunci kedua-dua negara. Muat turun pakej ini direkodkan dalam log audit.
# en: Attach a file
evidence-attach-title = Lampirkan fail
# en: Source or device it was taken from
evidence-field-source = Sumber atau peranti tempat fail ini diambil
# en: What it shows
evidence-field-description = Apa yang ditunjukkan
# en: File
evidence-field-file = Fail
# en: Files up to { $mib } MiB on this node; the agreement may allow less, and names the media types it accepts. Attached files are sent only when you press "Send the attached files".
evidence-limit = Fail sehingga { $mib } MiB pada nod ini; perjanjian mungkin membenarkan kurang daripada itu dan menyatakan jenis media yang diterimanya. Fail yang dilampirkan hanya dihantar apabila anda menekan "Hantar fail yang dilampirkan".
# en: Attach
evidence-attach = Lampirkan

## Hit/no-hit checks (focal point) and indicator lists (agency)
# en: Hit checks
nav-hits = Semakan padanan
# en: Indicator lists
nav-lists = Senarai penunjuk
# en: Hit/no-hit checks
hits-title = Semakan padanan/tiada padanan
# en: Asks whether a peer's agencies list these values, without the peer learning them. A miss says only "no hit"; a hit names the agency, its list and its reference, for a follow-up request. Every value counts against the agreement's daily quota.
hits-explain = Bertanya sama ada agensi negara rakan menyenaraikan nilai ini, tanpa negara rakan mengetahuinya. Tiada padanan hanya memberi "tiada padanan"; padanan menamakan agensi, senarai dan rujukannya, untuk permintaan susulan. Setiap nilai dikira dalam kuota harian perjanjian.
# en: Country to check against
hits-field-peer = Negara yang disemak
# en: No agreement with a peer allows this country hit/no-hit checks: a check will be refused.
hits-no-agreement = Belum ada perjanjian dengan negara rakan yang membenarkan negara ini membuat semakan padanan: semakan akan ditolak.
# en: Kind of values
hits-field-kind = Jenis nilai
# en: Values, one per line (at most 1,000)
hits-field-values = Nilai, satu setiap baris (paling banyak 1,000)
# en: Phone numbers in E.164 form (+85512345678); bank accounts as an IBAN or BIC/ACCOUNT; wallets by address; online accounts as PLATFORM:handle; IMEIs of 15 digits; identity documents as COUNTRY:NUMBER (VNM:C1234567).
hits-kinds-hint = Nombor telefon dalam bentuk E.164 (+85512345678); akaun bank sebagai IBAN atau BIC/ACCOUNT; dompet mengikut alamat; akaun dalam talian sebagai PLATFORM:handle; IMEI 15 digit; dokumen pengenalan diri sebagai COUNTRY:NUMBER (VNM:C1234567).
# en: Check
hits-check = Semak
# en: Give 1 to 1,000 values, one per line.
hits-values-count = Berikan 1 hingga 1,000 nilai, satu setiap baris.
# en: Results
hits-results-title = Keputusan
# en: Values checked at { $peer }: { $count }. Hits: { $hits }.
hits-checked = Nilai yang disemak di { $peer }: { $count }. Padanan: { $hits }.
# en: Values { $peer } still allows today: { $left }. The quota resets at { $resets }.
hits-quota = Nilai yang masih dibenarkan { $peer } hari ini: { $left }. Kuota ditetapkan semula pada { $resets }.
# en: Epoch of { $peer }'s signed set: { $epoch }. Entries in the set for this country: { $entries }.
hits-set = Epoch set bertandatangan { $peer }: { $epoch }. Entri dalam set untuk negara ini: { $entries }.
# en: Value
hits-col-value = Nilai
# en: Result
hits-col-outcome = Keputusan
# en: Agency
hits-col-agency = Agensi
# en: List
hits-col-list = Senarai
# en: Reference
hits-col-reference = Rujukan
# en: Date added
hits-col-added = Tarikh ditambah
# en: Hit
hits-hit = Padanan
# en: No hit
hits-miss = Tiada padanan
# en: Follow up
hits-follow-up = Susulan
# en: Follow-up of a hit on { $agency }/{ $list }, reference { $reference }. The request goes to { $peer }; leave the subject empty and the value that hit is filled in.
hits-follow-up-notice = Susulan padanan di { $agency }/{ $list }, rujukan { $reference }. Permintaan dihantar kepada { $peer }; biarkan subjek kosong dan nilai yang sepadan akan diisi.
# en: { $agency }/{ $list }, reference { $reference }
hits-listing = { $agency }/{ $list }, rujukan { $reference }
# en: Follows up a hit
request-hit = Susulan sesuatu padanan
# en: The value refused is value { $n }, on line { $line }.
value-refused-line = Nilai yang ditolak ialah nilai ke-{ $n }, pada baris { $line }.
# en: Phone number
hits-kind-phone = Nombor telefon
# en: Bank account
hits-kind-bank_account = Akaun bank
# en: Crypto wallet
hits-kind-wallet = Dompet kripto
# en: Online account
hits-kind-online_account = Akaun dalam talian
# en: Device (IMEI)
hits-kind-imei = Peranti (IMEI)
# en: Identity document
hits-kind-identity_document = Dokumen pengenalan diri
# en: Indicator lists of { $agency }
lists-title = Senarai penunjuk { $agency }
# en: Values your agency lists, which the peers the agreements name may check without seeing the lists. Values are stored encrypted and never shown here, only counted.
lists-explain = Nilai yang disenaraikan oleh agensi anda, yang boleh disemak oleh negara rakan yang dinamakan dalam perjanjian tanpa melihat senarai. Nilai disimpan secara tersulit dan tidak pernah dipaparkan di sini, hanya bilangannya.
# en: Epoch { $epoch }, begun { $started }. It ends { $ends }, or sooner when a list changes.
lists-epoch = Epoch { $epoch }, bermula { $started }. Ia tamat { $ends }, atau lebih awal apabila sesuatu senarai berubah.
# en: No list yet.
lists-none = Belum ada senarai.
# en: List
lists-col-list = Senarai
# en: Values per kind
lists-col-counts = Nilai mengikut jenis
# en: Last changed
lists-col-updated = Terakhir diubah
# en: Remove the whole list
lists-remove-all = Buang seluruh senarai
# en: Removing a whole list destroys its key: its values cannot be read again.
lists-remove-all-hint = Membuang seluruh senarai memusnahkan kuncinya: nilainya tidak boleh dibaca lagi.
# en: Import values
lists-import-title = Import nilai
# en: List
lists-field-list = Senarai
# en: 1 to 64 lower-case letters, digits, - _ or . (a new name makes a new list).
lists-list-hint = 1 hingga 64 huruf kecil Latin, digit, - _ atau . (nama baharu mencipta senarai baharu).
# en: CSV file
lists-field-file = Fail CSV
# en: One entry per line: value,reference[,added], the date added as YYYY-MM-DD (empty: today). A header line is skipped. A value already listed gets the new reference and date.
lists-file-hint = Satu entri setiap baris: value,reference[,added], tarikh ditambah sebagai YYYY-MM-DD (kosong: hari ini). Baris pengepala dilangkau. Nilai yang sudah disenaraikan mendapat rujukan dan tarikh baharu.
# en: Import
lists-import = Import
# en: Remove values
lists-remove-title = Buang nilai
# en: Values to remove, one per line
lists-field-values = Nilai untuk dibuang, satu setiap baris
# en: Remove these values
lists-remove = Buang nilai ini
# en: { $list }: { $added } added or updated, { $removed } removed, { $absent } not on the list. Epoch now: { $epoch }.
lists-changed = { $list }: { $added } ditambah atau dikemas kini, { $removed } dibuang, { $absent } tiada dalam senarai. Epoch kini: { $epoch }.
# en: The entry refused is on line { $line } of the file.
lists-line-refused = Entri yang ditolak berada pada baris { $line } fail.
# en: The form did not arrive as this page sends it. Reload the page and try again.
lists-form-refused = Borang tidak tiba seperti yang dihantar oleh halaman ini. Muat semula halaman dan cuba lagi.
# en: The file is too large: at most { $kib } KiB and { $max } entries. Split it.
lists-csv-too-large = Fail terlalu besar: paling banyak { $kib } KiB dan { $max } entri. Pecahkan fail.
# en: The file is not UTF-8 text.
lists-csv-not-text = Fail bukan teks UTF-8.
# en: The file holds no entries.
lists-csv-empty = Fail tidak mengandungi entri.
# en: Line { $line } of the file: an entry is value,reference[,added].
lists-csv-fields = Baris { $line } fail: satu entri ialah value,reference[,added].
# en: Line { $line } of the file: a quote out of place. Put a whole field in quotes and double a quote inside it ("").
lists-csv-quote = Baris { $line } fail: tanda petik di tempat yang salah. Letakkan seluruh medan dalam tanda petik dan gandakan tanda petik di dalamnya ("").
