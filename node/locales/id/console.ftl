### status: drafted, not yet reviewed by a native speaker
### language: Indonesian

# The console's own words. Code lists (categories, purposes,
# reasons, handling codes, indicators, ICCS titles) are in codes.ftl.


## Formats

# Digit grouping of whole numbers.
# en: ,
number-group = { "." }
# A date and time, always UTC. $day and $year are numbers, $month a name
# from month-1 to month-12, $time "HH:MM".
# en: { $day } { $month } { $year }, { $time } UTC
date-time = { $day } { $month } { $year }, { $time } UTC
# en: Jan
month-1 = Jan
# en: Feb
month-2 = Feb
# en: Mar
month-3 = Mar
# en: Apr
month-4 = Apr
# en: May
month-5 = Mei
# en: Jun
month-6 = Jun
# en: Jul
month-7 = Jul
# en: Aug
month-8 = Agu
# en: Sep
month-9 = Sep
# en: Oct
month-10 = Okt
# en: Nov
month-11 = Nov
# en: Dec
month-12 = Des

## The frame of every page

# en: Liaison console
console-title = Konsol Liaison
# en: Node of { $country }
node-of = Node { $country }
# en: Signed in as { $user }
signed-in-as = Masuk sebagai { $user }
# en: Sign out
sign-out = Keluar
# en: Language
language = Bahasa
# en: not yet reviewed
not-reviewed = belum ditinjau
# en: Skip to content
skip-to-content = Langsung ke konten
# en: Requests
nav-requests = Permintaan
# en: New request
nav-new-request = Permintaan baru
# en: Inbox
nav-inbox = Kotak masuk
# en: Audit log
nav-audit = Log audit
# en: Reports
nav-reports = Laporan
# en: Peers
nav-peers = Node mitra
# en: Users
nav-users = Pengguna
# en: My account
nav-account = Akun saya
# en: Shown as sent, in the sender's language ({ $language }); never translated.
free-text-note = Ditampilkan sebagaimana dikirim, dalam bahasa pengirim ({ $language }); tidak pernah diterjemahkan.
# en: Shown as sent; never translated.
free-text-note-unknown = Ditampilkan sebagaimana dikirim; tidak pernah diterjemahkan.

## Signing in

# en: Sign in
sign-in = Masuk
# en: Sign in to Liaison
sign-in-title = Masuk ke Liaison
# en: Login name
login = Nama login
# en: Password
password = Kata sandi
# en: Sign-in refused: wrong login name or password, or the account is locked or disabled.
sign-in-refused = Gagal masuk: nama login atau kata sandi salah, atau akun dikunci atau dinonaktifkan.
# en: Second factor
second-factor = Faktor kedua
# en: Code from your authenticator app
second-factor-code = Kode dari aplikasi autentikator Anda
# en: The code is wrong or already used.
second-factor-refused = Kode salah atau sudah digunakan.
# en: Verify
verify = Verifikasi
# en: Your session has ended. Please sign in again.
session-ended = Sesi Anda telah berakhir. Silakan masuk kembali.
# en: You are signed out.
signed-out = Anda telah keluar.
# en: Your role ({ $role }) may not open this page.
forbidden = Peran Anda ({ $role }) tidak boleh membuka halaman ini.
# en: Not found.
not-found = Tidak ditemukan.
# en: This form has expired or did not come from this console. Reload the page and try again.
csrf-refused = Formulir ini sudah kedaluwarsa atau tidak berasal dari konsol ini. Muat ulang halaman lalu coba lagi.
# en: Something went wrong
error-title = Terjadi kesalahan
# en: Back
back = Kembali

## My account

# en: My account
account-title = Akun saya
# en: Change password
change-password = Ubah kata sandi
# en: Your password was set by an administrator: choose your own before you go on.
must-change-password = Kata sandi Anda ditetapkan oleh administrator: buat kata sandi Anda sendiri sebelum melanjutkan.
# en: Current password
current-password = Kata sandi saat ini
# en: New password
new-password = Kata sandi baru
# en: At least { $min } characters, not containing your login name.
new-password-rule = Minimal { $min } karakter, tidak memuat nama login Anda.
# en: Password changed.
password-changed = Kata sandi telah diubah.
# en: Set up a second factor
enrol-totp = Atur faktor kedua
# en: Your role must sign in with a second factor: set one up before you go on.
totp-required = Peran Anda wajib masuk dengan faktor kedua: atur terlebih dahulu sebelum melanjutkan.
# en: Enter this key in your authenticator app (time-based, SHA-1, 6 digits, 30 seconds):
totp-secret = Masukkan kunci ini ke aplikasi autentikator Anda (berbasis waktu, SHA-1, 6 digit, 30 detik):
# en: Or open this link on the phone that has the app:
totp-uri = Atau buka tautan ini di ponsel yang memiliki aplikasi tersebut:
# en: Second factor set up.
totp-enrolled = Faktor kedua telah diatur.
# en: A second factor is set up for this account.
totp-active = Akun ini sudah memiliki faktor kedua.
# en: Language saved.
language-saved = Bahasa telah disimpan.
# en: Save
save = Simpan
# en: Personal API token
api-token = Token API pribadi
# en: For the command line (liaison login): it acts as you. It is shown once.
api-token-explain = Untuk baris perintah (liaison login): token ini bertindak atas nama Anda. Token hanya ditampilkan sekali.
# en: Issue a token
api-token-issue = Terbitkan token
# en: Your new token (copy it now; it is not shown again):
api-token-issued = Token baru Anda (salin sekarang; token tidak akan ditampilkan lagi):

## Requests (focal point)

# en: Requests sent by { $country }
requests-title = Permintaan yang dikirim oleh { $country }
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
col-deadline = Tenggat
# en: Time left
col-time-left = Sisa waktu
# en: Case
col-case = Perkara
# en: { $days -> [one] 1 day *[other] { $days } days }
time-left-days = { $days } hari
# en: { $hours -> [one] 1 hour *[other] { $hours } hours }
time-left-hours = { $hours } jam
# en: overdue
overdue = lewat tenggat
# en: New request
new-request-title = Permintaan baru
# en: To (country)
field-to = Kepada (negara)
# en: Category
field-category = Kategori
# en: Purpose
field-purpose = Tujuan
# en: Offences (ICCS)
field-offences = Tindak pidana (ICCS)
# en: Legal basis
field-legal-basis = Dasar hukum
# en: Reference of the legal basis (treaty, statute)
field-legal-basis-reference = Rujukan dasar hukum (perjanjian internasional, undang-undang)
# en: Case reference
field-case-reference = Nomor rujukan perkara
# en: Summary
field-summary = Ringkasan
# en: Language of the summary
field-summary-language = Bahasa ringkasan
# en: Answer within (days)
field-deadline-days = Dijawab dalam (hari)
# en: Subject kind
field-subject-kind = Jenis subjek
# en: Role
field-subject-role = Peran
# en: Identifier
field-subject-value = Pengenal
# en: This request concerns a possible victim of trafficking
field-possible-victim = Permintaan ini menyangkut orang yang mungkin menjadi korban perdagangan orang
# en: Victim indicators
field-indicators = Indikator korban
# en: Fields asked for
field-fields = Data yang diminta
# en: National offence (optional)
field-national-offence = Tindak pidana menurut hukum nasional (opsional)
# en: Subject { $n }
subject-n = Subjek { $n }
# en: Check against the agreements
preview = Periksa terhadap perjanjian
# en: Send
send = Kirim
# en: Both agreements allow this request: { $detail }
dry-run-allowed = Kedua perjanjian mengizinkan permintaan ini: { $detail }
# en: Refused by the agreements: { $detail }
dry-run-denied = Ditolak oleh perjanjian: { $detail }
# en: Request sent.
sent = Permintaan terkirim.
# en: Request { $id }
request-title = Permintaan { $id }
# en: Timeline
timeline = Kronologi
# en: Answer
answer = Jawaban
# en: Receipts
receipts = Tanda terima
# en: Audit log positions
audit-positions = Posisi dalam log audit
# en: Withdraw
withdraw = Tarik
# en: Withdrawn.
withdrawn = Ditarik.
# en: No answer yet.
no-answer-yet = Belum ada jawaban.
# en: Released fields
fields-released = Data yang diberikan
# en: Withheld by the agreement
fields-redacted = Ditahan berdasarkan perjanjian
# en: Handling
handling = Ketentuan penggunaan
# en: Kept for { $days } days
retention = Disimpan selama { $days } hari
# en: Refused: { $reason }
refused-because = Ditolak: { $reason }

## Inbox (agency)

# en: Requests for { $agency }
inbox-title = Permintaan untuk { $agency }
# en: Nothing to answer.
inbox-none = Tidak ada yang perlu dijawab.
# en: This request concerns a possible victim of trafficking. Treat the person as a victim: the non-punishment principle applies ({ $provision }).
victim-notice = Permintaan ini menyangkut orang yang mungkin menjadi korban perdagangan orang. Perlakukan orang tersebut sebagai korban: prinsip non-penghukuman berlaku ({ $provision }).
# en: Dual criminality: { $indication }
dual-criminality = Kriminalitas ganda: { $indication }
# en: From { $country }
from-country = Dari { $country }
# en: Answer
answer-title = Jawab
# en: Refuse
refuse-title = Tolak
# en: Value
field-value = Nilai
# en: Reason
field-refusal-reason = Alasan
# en: Note to the requester
field-note = Catatan untuk peminta
# en: Preview what will be released
preview-answer = Pratinjau data yang akan diberikan
# en: Send the answer
answer-send = Kirim jawaban
# en: Refuse the request
refuse-send = Tolak permintaan
# en: Will be released
will-release = Akan diberikan
# en: Will be withheld (not granted by the agreement)
will-redact = Akan ditahan (tidak diizinkan oleh perjanjian)
# en: Answer sent.
answered = Jawaban terkirim.
# en: Refusal sent.
refused = Penolakan terkirim.

## Audit (auditor)

# en: Audit log
audit-title = Log audit
# en: Peer
filter-peer = Node mitra
# en: Category
filter-category = Kategori
# en: Event
filter-event = Peristiwa
# en: From (date)
filter-from = Dari (tanggal)
# en: To (date)
filter-to = Sampai (tanggal)
# en: Filter
filter = Saring
# en: #
col-index = #
# en: Time
col-time = Waktu
# en: Event
col-event = Peristiwa
# en: Who
col-actor = Pelaku
# en: Peer
col-peer = Node mitra
# en: Detail
col-detail = Rincian
# en: Verify this node's log
verify-log = Verifikasi log node ini
# en: The log verifies: { $entries } entries, tree head signed by this node (key { $key }), every entry in it. Root: { $root }
verify-ok = Log terverifikasi: { $entries } entri, kepala pohon ditandatangani oleh node ini (kunci { $key }), setiap entri ada di dalamnya. Akar: { $root }
# en: The log does NOT verify: { $problem }
verify-failed = Log TIDAK terverifikasi: { $problem }
# en: Download the export
export = Unduh ekspor
# en: Reports
reports-title = Laporan
# en: Requests per peer
report-per-peer = Permintaan per node mitra
# en: Requests per category
report-per-category = Permintaan per kategori
# en: Requests per month
report-per-month = Permintaan per bulan
# en: The start of an event name, e.g. request. or policy.
filter-event-hint = Awal nama peristiwa, mis. request. atau policy.
# en: Page
filter-before = Halaman
# en: { $field }: not a date. Write it as YYYY-MM-DD, e.g. 2026-11-30.
filter-bad-date = { $field }: bukan tanggal. Tulis sebagai YYYY-MM-DD, mis. 2026-11-30.
# en: { $field }: not understood. Check it and try again.
filter-bad-value = { $field }: tidak dapat dipahami. Periksa lalu coba lagi.
# en: No entries match these filters.
audit-none = Tidak ada entri yang cocok dengan saringan ini.
# en: Newest first
audit-newest = Terbaru lebih dulu
# en: Older entries
audit-next = Entri lebih lama
# en: The same file as "liaison audit export": the signed tree head and every entry with its inclusion proof, for verification offline with "liaison audit verify".
export-explain = Berkas yang sama dengan "liaison audit export": kepala pohon yang ditandatangani dan setiap entri beserta bukti inklusinya, untuk verifikasi secara luring dengan "liaison audit verify".
# en: Verification of this node's log
verify-title = Verifikasi log node ini
# en: Entries checked: { $entries }.
verify-checked = Entri yang diperiksa: { $entries }.
# en: New requests (sent or received), from the audit log.
report-explain = Permintaan baru (dikirim atau diterima), dari log audit.
# en: No requests yet.
report-none = Belum ada permintaan.
# en: { $month } { $year }
report-month = { $month } { $year }
# en: Requests
col-count = Jumlah permintaan
# en: Month
col-month = Bulan

## Admin

# en: Peers
peers-title = Node mitra
# en: Health
col-peer-health = Kondisi koneksi
# en: Last delivery
col-last-delivery = Pengiriman terakhir
# en: Queue
col-queue = Antrean
# en: Compare agreements
compare = Bandingkan perjanjian
# en: No peers are configured.
peers-none = Belum ada node mitra yang dikonfigurasi.
# en: Country
col-country = Negara
# en: Endpoint
col-endpoint = Titik akhir (endpoint)
# en: Agreement in force
col-agreement = Perjanjian yang berlaku
# en: OK
health-ok = Baik
# en: Alarm: witnessing found a problem
health-alarm = Peringatan: penyaksian (witnessing) menemukan masalah
# en: Deliveries failing
health-failing = Pengiriman gagal
# en: Not witnessed yet
health-unknown = Belum disaksikan
# en: never
never = tidak pernah
# en: version { $version }
agreement-version = versi { $version }
# en: Keys and configuration
keys-config = Kunci dan konfigurasi
# en: This node's signing key id
own-key-id = ID kunci penandatanganan node ini
# en: Earlier key ids
previous-key-ids = ID kunci sebelumnya
# en: Configuration file
config-path = Berkas konfigurasi
# en: Console over HTTPS
console-tls = Konsol melalui HTTPS
# en: Local API over TLS
local-tls = API lokal melalui TLS
# en: on
on = aktif
# en: off
off = nonaktif
# en: none
none = tidak ada
# en: Agreement with { $peer }
agreements-title = Perjanjian dengan { $peer }
# en: Both copies agree.
agreements-same = Kedua salinan sama.
# en: Differences
agreements-differences = Perbedaan
# en: What differs
col-aspect = Yang berbeda
# en: What it means
col-explanation = Artinya
# en: This node
this-node = Node ini
# en: The peer's copy
peer-side = Salinan node mitra
# en: Rule
agreement-rule = Aturan
# en: Rule { $n }
agreement-rule-n = Aturan { $n }
# en: category
agreement-category = kategori
# en: directions
agreement-flows = arah
# en: purposes
agreement-purposes = tujuan
# en: released fields
agreement-release = data yang diberikan
# en: handling
agreement-handling = ketentuan penggunaan
# en: retention (days)
agreement-retention = masa simpan (hari)
# en: daily limit
agreement-daily-limit = batas harian
# en: legal bases
agreement-legal-bases = dasar hukum
# en: dual criminality required
agreement-dual-criminality = wajib kriminalitas ganda
# en: absent
absent = tidak ada
# en: differs
differs = berbeda
# en: Users
users-title = Pengguna
# en: Login
col-login = Nama login
# en: Role
col-role = Peran
# en: Second factor
col-second-factor = Faktor kedua
# en: State
col-state = Keadaan
# en: Add a user
add-user = Tambah pengguna
# en: User { $login } added. One-time password (give it to them; they must change it): { $password }
user-added = Pengguna { $login } ditambahkan. Kata sandi sekali pakai (berikan kepadanya; ia wajib menggantinya): { $password }
# en: New one-time password for { $login }: { $password }
password-reset = Kata sandi sekali pakai baru untuk { $login }: { $password }
# en: Disable
disable = Nonaktifkan
# en: Enable
enable = Aktifkan
# en: Reset password
reset-password = Atur ulang kata sandi
# en: Change role
set-role = Ubah peran
# en: active
state-active = aktif
# en: disabled
state-disabled = nonaktif
# en: locked
state-locked = terkunci
# en: yes
yes = ya
# en: no
no = tidak
# en: Subject
col-subject = Subjek
# en: Your decision on dual criminality, if you override the indication
field-dual-decision = Keputusan Anda tentang kriminalitas ganda, jika Anda mengesampingkan indikasinya
# en: Full name of the possible victim
field-victim-name = Nama lengkap orang yang mungkin menjadi korban
# en: Date of birth
field-victim-birth = Tanggal lahir
# en: Nationality (country code)
field-victim-nationality = Kewarganegaraan (kode negara)
# en: Comma-separated field names; empty for every field the agreement accepts.
field-fields-hint = Nama data dipisahkan koma; kosongkan untuk semua data yang diterima perjanjian.
# en: Phone number
text-kind-phone = Nomor telepon
# en: Person (full name)
text-kind-person = Orang (nama lengkap)
# en: Crypto wallet
text-kind-wallet = Dompet kripto
# en: Company
text-kind-company = Perusahaan
# en: Bank account (IBAN)
text-kind-iban = Rekening bank (IBAN)
# en: Bank account (number and BIC)
text-kind-bank-account = Rekening bank (nomor dan BIC)
# en: Online account
text-kind-online = Akun daring
# en: Device (IMEI)
text-kind-imei = Perangkat (IMEI)
# en: Identity document
text-kind-id-document = Dokumen identitas
# en: Vehicle
text-kind-vehicle = Kendaraan
# en: IP address
text-kind-ip = Alamat IP
# en: Evidence files
evidence-title = Berkas bukti
# en: No file is attached to this request yet.
evidence-none = Belum ada berkas yang dilampirkan pada permintaan ini.
# en: File
evidence-col-file = Berkas
# en: From
evidence-col-from = Dari
# en: State
evidence-col-state = Keadaan
# en: Acquired by, when, from what source
evidence-col-acquired = Diperoleh oleh siapa, kapan, dari sumber apa
# en: SHA-256
evidence-col-hash = SHA-256
# en: { $bytes } bytes
evidence-size = { $bytes } byte
# en: Attached here, not yet sent
evidence-state-attached = Dilampirkan di sini, belum dikirim
# en: Sending
evidence-state-sending = Sedang dikirim
# en: Delivered: the receiver verified it and signed a receipt
evidence-state-delivered = Telah disampaikan: penerima telah memverifikasinya dan menandatangani tanda terima
# en: Expected: its bytes are on their way
evidence-state-expected = Ditunggu: isi berkas sedang dalam perjalanan
# en: Received and verified against the signed manifest
evidence-state-received = Diterima dan diverifikasi terhadap manifes yang ditandatangani
# en: Erased at the end of the retention period
evidence-state-purged = Dihapus pada akhir masa simpan
# en: Unknown state
evidence-state-unknown = Keadaan tidak diketahui
# en: Download
evidence-download = Unduh
# en: Send the attached files
evidence-send = Kirim berkas yang dilampirkan
# en: Download the court package
evidence-package = Unduh paket untuk pengadilan
# en: One zip file a court can check offline with "liaison evidence verify": the files, the signed messages and receipts, every custody entry with its proof, the signed tree heads and both countries' keys. Downloading it is recorded in the audit log.
evidence-package-note = Satu berkas zip yang dapat diperiksa pengadilan secara luring dengan "liaison evidence verify": berkas-berkasnya, pesan dan tanda terima yang ditandatangani, setiap entri lacak balak (chain of custody) beserta bukti inklusinya, kepala pohon yang ditandatangani, dan kunci kedua negara. Pengunduhan paket ini dicatat dalam log audit.
# en: Attach a file
evidence-attach-title = Lampirkan berkas
# en: Source or device it was taken from
evidence-field-source = Sumber atau perangkat tempat berkas ini diambil
# en: What it shows
evidence-field-description = Apa yang ditunjukkan
# en: File
evidence-field-file = Berkas
# en: Files up to { $mib } MiB on this node; the agreement may allow less, and names the media types it accepts. Attached files are sent only when you press "Send the attached files".
evidence-limit = Berkas hingga { $mib } MiB di node ini; perjanjian dapat mengizinkan kurang dari itu dan menyebutkan jenis media yang diterimanya. Berkas yang dilampirkan hanya dikirim saat Anda menekan "Kirim berkas yang dilampirkan".
# en: Attach
evidence-attach = Lampirkan

## Hit/no-hit checks (focal point) and indicator lists (agency)
# en: Hit checks
nav-hits = Pemeriksaan kecocokan
# en: Indicator lists
nav-lists = Daftar indikator
# en: Hit/no-hit checks
hits-title = Pemeriksaan cocok/tidak cocok
# en: Asks whether a peer's agencies list these values, without the peer learning them. A miss says only "no hit"; a hit names the agency, its list and its reference, for a follow-up request. Every value counts against the agreement's daily quota.
hits-explain = Menanyakan apakah instansi negara mitra mencantumkan nilai-nilai ini, tanpa negara mitra mengetahui nilainya. Jika tidak cocok, jawabannya hanya "tidak cocok"; jika cocok, disebutkan instansi, daftar, dan nomor rujukannya, untuk permintaan lanjutan. Setiap nilai dihitung dalam kuota harian perjanjian.
# en: Country to check against
hits-field-peer = Negara yang diperiksa
# en: No agreement with a peer allows this country hit/no-hit checks: a check will be refused.
hits-no-agreement = Belum ada perjanjian dengan negara mitra yang mengizinkan negara ini melakukan pemeriksaan cocok/tidak cocok: pemeriksaan akan ditolak.
# en: Kind of values
hits-field-kind = Jenis nilai
# en: Values, one per line (at most 1,000)
hits-field-values = Nilai, satu per baris (paling banyak 1.000)
# en: Phone numbers in E.164 form (+85512345678); bank accounts as an IBAN or BIC/ACCOUNT; wallets by address; online accounts as PLATFORM:handle; IMEIs of 15 digits; identity documents as COUNTRY:NUMBER (VNM:C1234567).
hits-kinds-hint = Nomor telepon dalam bentuk E.164 (+85512345678); rekening bank sebagai IBAN atau BIC/ACCOUNT; dompet dengan alamatnya; akun daring sebagai PLATFORM:handle; IMEI 15 digit; dokumen identitas sebagai COUNTRY:NUMBER (VNM:C1234567).
# en: Check
hits-check = Periksa
# en: Give 1 to 1,000 values, one per line.
hits-values-count = Berikan 1 sampai 1.000 nilai, satu per baris.
# en: Results
hits-results-title = Hasil
# en: Values checked at { $peer }: { $count }. Hits: { $hits }.
hits-checked = Nilai yang diperiksa di { $peer }: { $count }. Cocok: { $hits }.
# en: Values { $peer } still allows today: { $left }. The quota resets at { $resets }.
hits-quota = Nilai yang masih diizinkan { $peer } hari ini: { $left }. Kuota diatur ulang pada { $resets }.
# en: Epoch of { $peer }'s signed set: { $epoch }. Entries in the set for this country: { $entries }.
hits-set = Epoch set bertanda tangan { $peer }: { $epoch }. Entri dalam set untuk negara ini: { $entries }.
# en: Value
hits-col-value = Nilai
# en: Result
hits-col-outcome = Hasil
# en: Agency
hits-col-agency = Instansi
# en: List
hits-col-list = Daftar
# en: Reference
hits-col-reference = Rujukan
# en: Date added
hits-col-added = Tanggal ditambahkan
# en: Hit
hits-hit = Cocok
# en: No hit
hits-miss = Tidak cocok
# en: Follow up
hits-follow-up = Tindak lanjut
# en: Follow-up of a hit on { $agency }/{ $list }, reference { $reference }. The request goes to { $peer }; leave the subject empty and the value that hit is filled in.
hits-follow-up-notice = Tindak lanjut atas kecocokan di { $agency }/{ $list }, rujukan { $reference }. Permintaan dikirim ke { $peer }; kosongkan subjek dan nilai yang cocok akan diisikan.
# en: { $agency }/{ $list }, reference { $reference }
hits-listing = { $agency }/{ $list }, rujukan { $reference }
# en: Follows up a hit
request-hit = Menindaklanjuti kecocokan
# en: The value refused is value { $n }, on line { $line }.
value-refused-line = Nilai yang ditolak adalah nilai ke-{ $n }, pada baris { $line }.
# en: Phone number
hits-kind-phone = Nomor telepon
# en: Bank account
hits-kind-bank_account = Rekening bank
# en: Crypto wallet
hits-kind-wallet = Dompet kripto
# en: Online account
hits-kind-online_account = Akun daring
# en: Device (IMEI)
hits-kind-imei = Perangkat (IMEI)
# en: Identity document
hits-kind-identity_document = Dokumen identitas
# en: Indicator lists of { $agency }
lists-title = Daftar indikator { $agency }
# en: Values your agency lists, which the peers the agreements name may check without seeing the lists. Values are stored encrypted and never shown here, only counted.
lists-explain = Nilai yang dicantumkan instansi Anda, yang dapat diperiksa oleh negara mitra yang disebut perjanjian tanpa melihat daftarnya. Nilai disimpan terenkripsi dan tidak pernah ditampilkan di sini, hanya jumlahnya.
# en: Epoch { $epoch }, begun { $started }. It ends { $ends }, or sooner when a list changes.
lists-epoch = Epoch { $epoch }, dimulai { $started }. Berakhir { $ends }, atau lebih cepat jika sebuah daftar berubah.
# en: No list yet.
lists-none = Belum ada daftar.
# en: List
lists-col-list = Daftar
# en: Values per kind
lists-col-counts = Nilai per jenis
# en: Last changed
lists-col-updated = Terakhir diubah
# en: Remove the whole list
lists-remove-all = Hapus seluruh daftar
# en: Removing a whole list destroys its key: its values cannot be read again.
lists-remove-all-hint = Menghapus seluruh daftar memusnahkan kuncinya: nilainya tidak dapat dibaca lagi.
# en: Import values
lists-import-title = Impor nilai
# en: List
lists-field-list = Daftar
# en: 1 to 64 lower-case letters, digits, - _ or . (a new name makes a new list).
lists-list-hint = 1 sampai 64 huruf kecil Latin, angka, - _ atau . (nama baru membuat daftar baru).
# en: CSV file
lists-field-file = Berkas CSV
# en: One entry per line: value,reference[,added], the date added as YYYY-MM-DD (empty: today). A header line is skipped. A value already listed gets the new reference and date.
lists-file-hint = Satu entri per baris: value,reference[,added], dengan tanggal ditambahkan sebagai YYYY-MM-DD (kosong: hari ini). Baris judul dilewati. Nilai yang sudah tercantum mendapat rujukan dan tanggal baru.
# en: Import
lists-import = Impor
# en: Remove values
lists-remove-title = Hapus nilai
# en: Values to remove, one per line
lists-field-values = Nilai yang dihapus, satu per baris
# en: Remove these values
lists-remove = Hapus nilai-nilai ini
# en: { $list }: { $added } added or updated, { $removed } removed, { $absent } not on the list. Epoch now: { $epoch }.
lists-changed = { $list }: { $added } ditambahkan atau diperbarui, { $removed } dihapus, { $absent } tidak ada dalam daftar. Epoch sekarang: { $epoch }.
# en: The entry refused is on line { $line } of the file.
lists-line-refused = Entri yang ditolak ada pada baris { $line } berkas.
# en: The form did not arrive as this page sends it. Reload the page and try again.
lists-form-refused = Formulir tidak tiba seperti yang dikirim halaman ini. Muat ulang halaman lalu coba lagi.
# en: The file is too large: at most { $kib } KiB and { $max } entries. Split it.
lists-csv-too-large = Berkas terlalu besar: paling banyak { $kib } KiB dan { $max } entri. Pecah berkasnya.
# en: The file is not UTF-8 text.
lists-csv-not-text = Berkas bukan teks UTF-8.
# en: The file holds no entries.
lists-csv-empty = Berkas tidak berisi entri.
# en: Line { $line } of the file: an entry is value,reference[,added].
lists-csv-fields = Baris { $line } berkas: sebuah entri adalah value,reference[,added].
# en: Line { $line } of the file: a quote out of place. Put a whole field in quotes and double a quote inside it ("").
lists-csv-quote = Baris { $line } berkas: tanda kutip salah tempat. Apit seluruh kolom dengan tanda kutip dan gandakan tanda kutip di dalamnya ("").
