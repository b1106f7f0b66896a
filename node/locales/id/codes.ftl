### status: drafted, not yet reviewed by a native speaker
### language: Indonesian

## Categories: what a request asks the other country to do or check (Category).
## The flags in brackets, e.g. (--person), are the command line's and stay as they are.

# en: Person check
category-PERSON_CHECK = Pemeriksaan orang
# en: is this person known to you: identity, record, wanted status (--person)
category-PERSON_CHECK-meaning = apakah orang ini dikenal oleh Anda: identitas, catatan, status buron (--person)
# en: Phone check
category-PHONE_CHECK = Pemeriksaan nomor telepon
# en: who holds this phone number, and since when (--phone)
category-PHONE_CHECK-meaning = siapa pemegang nomor telepon ini, dan sejak kapan (--phone)
# en: Wallet trace
category-WALLET_TRACE = Penelusuran dompet kripto
# en: who is behind this crypto-currency address, where its funds went (--wallet)
category-WALLET_TRACE-meaning = siapa di balik alamat mata uang kripto ini, ke mana dananya mengalir (--wallet)
# en: Company check
category-COMPANY_CHECK = Pemeriksaan perusahaan
# en: who registered, runs and owns this company (--company)
category-COMPANY_CHECK-meaning = siapa yang mendaftarkan, menjalankan, dan memiliki perusahaan ini (--company)
# en: Victim identification
category-VICTIM_IDENTIFICATION = Identifikasi korban
# en: identify a possible victim of trafficking, e.g. a rescued person (--person)
category-VICTIM_IDENTIFICATION-meaning = mengidentifikasi orang yang mungkin menjadi korban perdagangan orang, misalnya orang yang diselamatkan (--person)
# en: Evidence preservation
category-EVIDENCE_PRESERVATION = Pengamanan bukti
# en: preserve records or data until a formal request follows
category-EVIDENCE_PRESERVATION-meaning = mengamankan catatan atau data sampai permintaan resmi menyusul
# en: Case notification
category-CASE_NOTIFICATION = Pemberitahuan perkara
# en: tell the other country of a case that concerns it
category-CASE_NOTIFICATION-meaning = memberi tahu negara lain tentang perkara yang menyangkut negara tersebut

## Purposes: why the requesting country needs the information (Purpose).

# en: Investigation
purpose-INVESTIGATION = Penyidikan
# en: for a criminal investigation under way
purpose-INVESTIGATION-meaning = untuk penyidikan pidana yang sedang berjalan
# en: Prosecution
purpose-PROSECUTION = Penuntutan
# en: for a prosecution or trial
purpose-PROSECUTION-meaning = untuk penuntutan atau persidangan
# en: Victim assistance
purpose-VICTIM_ASSISTANCE = Bantuan korban
# en: to protect, assist or bring home a victim
purpose-VICTIM_ASSISTANCE-meaning = untuk melindungi, membantu, atau memulangkan korban
# en: Intelligence
purpose-INTELLIGENCE = Intelijen
# en: for criminal intelligence, not as evidence
purpose-INTELLIGENCE-meaning = untuk intelijen kriminal, bukan sebagai alat bukti

## Refusal reasons: why an agency declined to answer (RefusalReason).

# en: No competent agency
refusal-NO_COMPETENT_AGENCY = Tidak ada instansi yang berwenang
# en: no agency of this country handles this category
refusal-NO_COMPETENT_AGENCY-meaning = tidak ada instansi di negara ini yang menangani kategori ini
# en: Insufficient information
refusal-INSUFFICIENT_INFORMATION = Informasi tidak cukup
# en: the request lacks what is needed to act on it
refusal-INSUFFICIENT_INFORMATION-meaning = permintaan tidak memuat hal yang diperlukan untuk menindaklanjutinya
# en: No legal basis
refusal-NO_LEGAL_BASIS = Tidak ada dasar hukum
# en: this country's law gives no basis to act on it
refusal-NO_LEGAL_BASIS-meaning = hukum negara ini tidak memberikan dasar untuk menindaklanjutinya
# en: Prejudice to proceedings
refusal-PREJUDICE_TO_PROCEEDINGS = Merugikan proses hukum
# en: answering would prejudice an investigation or proceeding under way
refusal-PREJUDICE_TO_PROCEEDINGS-meaning = menjawab akan merugikan penyidikan atau proses hukum yang sedang berjalan
# en: Outside agreement
refusal-OUTSIDE_AGREEMENT = Di luar perjanjian
# en: the request falls outside the sharing agreement
refusal-OUTSIDE_AGREEMENT-meaning = permintaan berada di luar cakupan perjanjian berbagi informasi
# en: Requires mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE = Memerlukan bantuan timbal balik
# en: it must go through formal mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE-meaning = permintaan harus melalui jalur resmi bantuan timbal balik dalam masalah pidana
# en: Deadline passed
refusal-DEADLINE_PASSED = Tenggat terlewati
# en: the deadline passed before an answer could be given
refusal-DEADLINE_PASSED-meaning = tenggat waktu terlewati sebelum jawaban dapat diberikan
# en: Other
refusal-OTHER = Lainnya
# en: another reason, given with --explanation
refusal-OTHER-meaning = alasan lain, diberikan dengan --explanation

## Handling codes: how the requester may use released data (HandlingCode).

# en: Intelligence only
handling-INTELLIGENCE_ONLY = Hanya untuk intelijen
# en: for intelligence only; not to be produced in court
handling-INTELLIGENCE_ONLY-meaning = hanya untuk intelijen; tidak boleh diajukan di pengadilan
# en: Evidence with consent
handling-EVIDENCE_WITH_CONSENT = Alat bukti dengan persetujuan
# en: usable as evidence once the answering country consents
handling-EVIDENCE_WITH_CONSENT-meaning = dapat digunakan sebagai alat bukti setelah negara yang menjawab memberikan persetujuan
# en: No onward sharing
handling-NO_ONWARD_SHARING = Tidak boleh diteruskan
# en: not to be passed to any third country or agency outside the requester
handling-NO_ONWARD_SHARING-meaning = tidak boleh diteruskan kepada negara ketiga atau instansi mana pun di luar pihak peminta
# en: Victim protected
handling-VICTIM_PROTECTED = Perlindungan korban
# en: about a possible victim: no onward transfer, never evidence against that person, the shortest retention
handling-VICTIM_PROTECTED-meaning = tentang orang yang mungkin menjadi korban: tidak boleh diteruskan, tidak pernah menjadi alat bukti yang memberatkan orang tersebut, masa penyimpanan terpendek

## Request statuses: where a request is in its lifecycle (RequestStatus).

# en: Submitted
status-SUBMITTED = Diajukan
# en: accepted by this node, not yet delivered to the peer
status-SUBMITTED-meaning = diterima oleh node ini, belum disampaikan ke node mitra
# en: Sent
status-SENT = Terkirim
# en: delivered: the peer's receipt is held
status-SENT-meaning = telah disampaikan: tanda terima dari node mitra sudah disimpan
# en: Received
status-RECEIVED = Diterima
# en: received from a peer, not yet routed to an agency
status-RECEIVED-meaning = diterima dari node mitra, belum diteruskan ke instansi
# en: Assigned
status-ASSIGNED = Ditugaskan
# en: routed to an agency, waiting for its answer
status-ASSIGNED-meaning = diteruskan ke instansi, menunggu jawabannya
# en: Answered
status-ANSWERED = Dijawab
# en: answered with the fields released (final)
status-ANSWERED-meaning = dijawab dengan data yang dibuka (final)
# en: Refused
status-REFUSED = Ditolak
# en: refused, with a reason (final)
status-REFUSED-meaning = ditolak, dengan alasan (final)
# en: Withdrawn
status-WITHDRAWN = Ditarik
# en: withdrawn by the country that sent it (final)
status-WITHDRAWN-meaning = ditarik oleh negara yang mengirimnya (final)
# en: Expired
status-EXPIRED = Kedaluwarsa
# en: its deadline passed without an answer (final)
status-EXPIRED-meaning = tenggat waktunya terlewati tanpa jawaban (final)
# en: Undeliverable
status-UNDELIVERABLE = Tidak dapat disampaikan
# en: the peer refused its delivery for good (final)
status-UNDELIVERABLE-meaning = node mitra menolak penyampaiannya secara permanen (final)

## Victim statuses: what a victim-status notification says of its possible victim (VictimStatus).

# en: Confirmed
victim-status-CONFIRMED = Dikonfirmasi
# en: the competent authority identified the person as a victim
victim-status-CONFIRMED-meaning = otoritas yang berwenang telah mengidentifikasi orang tersebut sebagai korban
# en: Withdrawn
victim-status-WITHDRAWN = Ditarik
# en: the indication that the person may be a victim is withdrawn
victim-status-WITHDRAWN-meaning = indikasi bahwa orang tersebut mungkin korban telah ditarik

## Subject kinds: what a subject is (SubjectKind).

# en: Person
subject-kind-PERSON = Orang
# en: Phone
subject-kind-PHONE = Telepon
# en: Wallet
subject-kind-WALLET = Dompet kripto
# en: Company
subject-kind-COMPANY = Perusahaan
# en: Bank account
subject-kind-BANK_ACCOUNT = Rekening bank
# en: Online account
subject-kind-ONLINE_ACCOUNT = Akun daring
# en: Device
subject-kind-DEVICE = Perangkat
# en: Identity document
subject-kind-IDENTITY_DOCUMENT = Dokumen identitas
# en: Vehicle
subject-kind-VEHICLE = Kendaraan
# en: IP address
subject-kind-IP_ADDRESS = Alamat IP

## Subject roles: what part a subject plays in the case, as far as the requester knows (SubjectRole).

# en: Suspect
subject-role-SUSPECT = Tersangka
# en: Possible victim
subject-role-POSSIBLE_VICTIM = Kemungkinan korban
# en: Witness
subject-role-WITNESS = Saksi
# en: Unknown
subject-role-UNKNOWN = Tidak diketahui

## Identity document types (DocumentType).

# en: Passport
document-type-PASSPORT = Paspor
# en: National ID
document-type-NATIONAL_ID = Kartu identitas nasional
# en: Residence permit
document-type-RESIDENCE_PERMIT = Izin tinggal
# en: Driving licence
document-type-DRIVING_LICENCE = Surat izin mengemudi
# en: Seafarer book
document-type-SEAFARER_BOOK = Buku pelaut
# en: Other document
document-type-OTHER_DOCUMENT = Dokumen lain

## Trafficking indicators (proto/src/victims.rs INDICATORS). The first eleven are the ILO
## Indicators of Forced Labour (ILO, 2012); the last three are Liaison's own.

# en: Abuse of vulnerability
indicator-ABUSE_OF_VULNERABILITY = Penyalahgunaan kerentanan
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSE_OF_VULNERABILITY-meaning = Salah satu dari sebelas Indikator Kerja Paksa ILO (ILO, 2012)
# en: Deception
indicator-DECEPTION = Penipuan
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DECEPTION-meaning = Salah satu dari sebelas Indikator Kerja Paksa ILO (ILO, 2012)
# en: Restriction of movement
indicator-RESTRICTION_OF_MOVEMENT = Pembatasan gerak
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RESTRICTION_OF_MOVEMENT-meaning = Salah satu dari sebelas Indikator Kerja Paksa ILO (ILO, 2012)
# en: Isolation
indicator-ISOLATION = Pengisolasian
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ISOLATION-meaning = Salah satu dari sebelas Indikator Kerja Paksa ILO (ILO, 2012)
# en: Physical and sexual violence
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE = Kekerasan fisik dan seksual
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE-meaning = Salah satu dari sebelas Indikator Kerja Paksa ILO (ILO, 2012)
# en: Intimidation and threats
indicator-INTIMIDATION_AND_THREATS = Intimidasi dan ancaman
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-INTIMIDATION_AND_THREATS-meaning = Salah satu dari sebelas Indikator Kerja Paksa ILO (ILO, 2012)
# en: Retention of identity documents
indicator-RETENTION_OF_IDENTITY_DOCUMENTS = Penahanan dokumen identitas
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RETENTION_OF_IDENTITY_DOCUMENTS-meaning = Salah satu dari sebelas Indikator Kerja Paksa ILO (ILO, 2012)
# en: Withholding of wages
indicator-WITHHOLDING_OF_WAGES = Penahanan upah
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-WITHHOLDING_OF_WAGES-meaning = Salah satu dari sebelas Indikator Kerja Paksa ILO (ILO, 2012)
# en: Debt bondage
indicator-DEBT_BONDAGE = Jeratan utang
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DEBT_BONDAGE-meaning = Salah satu dari sebelas Indikator Kerja Paksa ILO (ILO, 2012)
# en: Abusive working and living conditions
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS = Kondisi kerja dan hidup yang sewenang-wenang
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS-meaning = Salah satu dari sebelas Indikator Kerja Paksa ILO (ILO, 2012)
# en: Excessive overtime
indicator-EXCESSIVE_OVERTIME = Lembur berlebihan
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-EXCESSIVE_OVERTIME-meaning = Salah satu dari sebelas Indikator Kerja Paksa ILO (ILO, 2012)
# en: Forced to commit online fraud (scams) under threat (Liaison's own indicator)
indicator-FORCED_ONLINE_FRAUD = Dipaksa melakukan penipuan daring di bawah ancaman (indikator Liaison sendiri)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-FORCED_ONLINE_FRAUD-meaning = Indikator Liaison sendiri, bukan dari suatu standar: tanda pemaksaan melakukan tindak pidana yang dilaporkan dari kompleks penipuan daring (scam compound)
# en: Fraud quotas enforced with punishment (Liaison's own indicator)
indicator-QUOTAS_WITH_PUNISHMENT = Target penipuan yang ditegakkan dengan hukuman (indikator Liaison sendiri)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-QUOTAS_WITH_PUNISHMENT-meaning = Indikator Liaison sendiri, bukan dari suatu standar: tanda pemaksaan melakukan tindak pidana yang dilaporkan dari kompleks penipuan daring (scam compound)
# en: Sold or transferred between compounds (Liaison's own indicator)
indicator-SOLD_BETWEEN_COMPOUNDS = Dijual atau dipindahkan antarkompleks (indikator Liaison sendiri)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-SOLD_BETWEEN_COMPOUNDS-meaning = Indikator Liaison sendiri, bukan dari suatu standar: tanda pemaksaan melakukan tindak pidana yang dilaporkan dari kompleks penipuan daring (scam compound)

## Legal bases a request is made under (proto/src/legal.rs LEGAL_BASES): a short name,
## and the title as the meaning. ACTIP, UNTOC and MLAT stay untranslated.

# en: UNTOC art. 18
legal-UNTOC_ART_18 = UNTOC Pasal 18
# en: UN Convention against Transnational Organized Crime, art. 18 (mutual legal assistance)
legal-UNTOC_ART_18-meaning = Konvensi Perserikatan Bangsa-Bangsa Menentang Tindak Pidana Transnasional yang Terorganisasi, Pasal 18 (bantuan hukum timbal balik)
# en: UNTOC art. 27
legal-UNTOC_ART_27 = UNTOC Pasal 27
# en: UN Convention against Transnational Organized Crime, art. 27 (law enforcement cooperation)
legal-UNTOC_ART_27-meaning = Konvensi Perserikatan Bangsa-Bangsa Menentang Tindak Pidana Transnasional yang Terorganisasi, Pasal 27 (kerja sama penegakan hukum)
# en: UN Trafficking Protocol
legal-UN_TIP_PROTOCOL = Protokol PBB tentang Perdagangan Orang
# en: UN Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children
legal-UN_TIP_PROTOCOL-meaning = Protokol PBB untuk Mencegah, Menindak, dan Menghukum Perdagangan Orang, Terutama Perempuan dan Anak-Anak
# en: ACTIP
legal-ACTIP = ACTIP
# en: ASEAN Convention against Trafficking in Persons, Especially Women and Children
legal-ACTIP-meaning = Konvensi ASEAN Menentang Perdagangan Orang, Terutama Perempuan dan Anak
# en: ASEAN MLAT
legal-ASEAN_MLAT = ASEAN MLAT
# en: ASEAN Treaty on Mutual Legal Assistance in Criminal Matters
legal-ASEAN_MLAT-meaning = Perjanjian ASEAN tentang Bantuan Timbal Balik dalam Masalah Pidana
# en: Budapest Convention art. 29
legal-BUDAPEST_ART_29 = Konvensi Budapest Pasal 29
# en: Convention on Cybercrime (Budapest), art. 29 (expedited preservation of stored computer data)
legal-BUDAPEST_ART_29-meaning = Konvensi tentang Kejahatan Siber (Budapest), Pasal 29 (pengamanan segera data komputer yang tersimpan)
# en: Budapest Convention art. 35
legal-BUDAPEST_ART_35 = Konvensi Budapest Pasal 35
# en: Convention on Cybercrime (Budapest), art. 35 (24/7 network)
legal-BUDAPEST_ART_35-meaning = Konvensi tentang Kejahatan Siber (Budapest), Pasal 35 (jaringan 24/7)
# en: Bilateral agreement
legal-BILATERAL = Perjanjian bilateral
# en: A bilateral agreement between the two countries (named in the reference)
legal-BILATERAL-meaning = Perjanjian bilateral antara kedua negara (disebutkan dalam rujukan)
# en: Police-to-police cooperation
legal-POLICE_COOPERATION = Kerja sama antarkepolisian
# en: Police-to-police cooperation
legal-POLICE_COOPERATION-meaning = Kerja sama antarkepolisian
# en: Reciprocity
legal-RECIPROCITY = Resiprositas
# en: Reciprocity
legal-RECIPROCITY-meaning = Resiprositas (asas timbal balik)

## Non-punishment provisions a request about a possible victim cites
## (proto/src/legal.rs NON_PUNISHMENT).

# en: ACTIP art. 14(7): consider not holding victims of trafficking criminally or administratively liable for unlawful acts directly related to their trafficking
non-punishment-ACTIP_ART_14_7 = ACTIP Pasal 14(7): mempertimbangkan untuk tidak meminta pertanggungjawaban pidana atau administratif dari korban perdagangan orang atas perbuatan melawan hukum yang berkaitan langsung dengan perdagangan orang yang mereka alami
# en: The requesting country's own non-punishment provision (named in the reference)
non-punishment-NATIONAL_LAW = Ketentuan tentang non-penghukuman dalam hukum negara peminta sendiri (disebutkan dalam rujukan)

## UNODC ICCS offence codes and titles (proto/data/iccs.tsv: ICCS version 1.0, UNODC 2015,
## a sourced subset). UNODC publishes no official ICCS titles in these languages, so
## translations of them are descriptive.

# en: Acts leading to death or intending to cause death
iccs-01 = Perbuatan yang menyebabkan kematian atau dimaksudkan untuk menyebabkan kematian
# en: Intentional homicide
iccs-0101 = Pembunuhan dengan sengaja
# en: Attempted intentional homicide
iccs-0102 = Percobaan pembunuhan dengan sengaja
# en: Non-intentional homicide
iccs-0103 = Pembunuhan tidak sengaja
# en: Assisting or instigating suicide
iccs-0104 = Membantu atau menghasut bunuh diri
# en: Euthanasia
iccs-0105 = Eutanasia
# en: Unlawful killing associated with armed conflict
iccs-0107 = Pembunuhan melawan hukum yang terkait dengan konflik bersenjata
# en: Other acts leading to death or intending to cause death
iccs-0109 = Perbuatan lain yang menyebabkan kematian atau dimaksudkan untuk menyebabkan kematian
# en: Acts causing harm or intending to cause harm to the person
iccs-02 = Perbuatan yang menimbulkan bahaya atau dimaksudkan untuk menimbulkan bahaya terhadap orang
# en: Assaults and threats
iccs-0201 = Penyerangan dan ancaman
# en: Assault
iccs-02011 = Penyerangan
# en: Serious assault
iccs-020111 = Penyerangan berat
# en: Acts against liberty
iccs-0202 = Perbuatan terhadap kemerdekaan
# en: Deprivation of liberty
iccs-02022 = Perampasan kemerdekaan
# en: Kidnapping
iccs-020221 = Penculikan
# en: Slavery and exploitation
iccs-0203 = Perbudakan dan eksploitasi
# en: Forced labour for domestic services
iccs-020321 = Kerja paksa untuk layanan rumah tangga
# en: Trafficking in persons
iccs-0204 = Perdagangan orang
# en: Trafficking in persons for sexual exploitation
iccs-02041 = Perdagangan orang untuk eksploitasi seksual
# en: Trafficking in persons for forced labour or services
iccs-02042 = Perdagangan orang untuk kerja atau layanan paksa
# en: Coercion
iccs-0205 = Pemaksaan
# en: Negligence
iccs-0206 = Kelalaian
# en: Dangerous acts
iccs-0207 = Perbuatan yang membahayakan
# en: Acts intended to induce fear or emotional distress
iccs-0208 = Perbuatan yang dimaksudkan untuk menimbulkan ketakutan atau tekanan emosional
# en: Defamation or insult
iccs-0209 = Pencemaran nama baik atau penghinaan
# en: Discrimination
iccs-0210 = Diskriminasi
# en: Acts that trespass against the person
iccs-0211 = Perbuatan yang melanggar hak pribadi orang
# en: Other acts causing harm or intending to cause harm to the person
iccs-0219 = Perbuatan lain yang menimbulkan bahaya atau dimaksudkan untuk menimbulkan bahaya terhadap orang
# en: Injurious acts of a sexual nature
iccs-03 = Perbuatan merugikan yang bersifat seksual
# en: Sexual violence
iccs-0301 = Kekerasan seksual
# en: Rape
iccs-03011 = Perkosaan
# en: Sexual assault
iccs-03012 = Serangan seksual
# en: Other acts of sexual violence
iccs-03019 = Perbuatan kekerasan seksual lainnya
# en: Sexual exploitation
iccs-0302 = Eksploitasi seksual
# en: Sexual exploitation of children
iccs-03022 = Eksploitasi seksual anak
# en: Child pornography
iccs-030221 = Pornografi anak
# en: Acts against property involving violence or threat against a person
iccs-04 = Perbuatan terhadap harta benda yang melibatkan kekerasan atau ancaman terhadap orang
# en: Robbery
iccs-0401 = Perampokan
# en: Acts against property only
iccs-05 = Perbuatan terhadap harta benda saja
# en: Burglary
iccs-0501 = Pembongkaran dan pencurian
# en: Burglary of private residential premises
iccs-05012 = Pembongkaran dan pencurian di tempat tinggal pribadi
# en: Theft
iccs-0502 = Pencurian
# en: Theft of a motorized vehicle or parts thereof
iccs-05021 = Pencurian kendaraan bermotor atau suku cadangnya
# en: Theft of a motorized land vehicle
iccs-050211 = Pencurian kendaraan bermotor darat
# en: Acts involving controlled drugs or other psychoactive substances
iccs-06 = Perbuatan yang melibatkan narkotika yang dikendalikan atau zat psikoaktif lainnya
# en: Unlawful acts involving controlled drugs or precursors
iccs-0601 = Perbuatan melawan hukum yang melibatkan narkotika yang dikendalikan atau prekursor
# en: Acts involving fraud, deception or corruption
iccs-07 = Perbuatan yang melibatkan kecurangan, penipuan, atau korupsi
# en: Fraud
iccs-0701 = Penipuan
# en: Corruption
iccs-0703 = Korupsi
# en: Bribery
iccs-07031 = Penyuapan
# en: Money laundering
iccs-07041 = Pencucian uang
# en: Acts against public order, authority and provisions of the State
iccs-08 = Perbuatan terhadap ketertiban umum, kewenangan, dan ketentuan negara
# en: Smuggling of migrants offences
iccs-08051 = Tindak pidana penyelundupan migran
# en: Acts against public safety and state security
iccs-09 = Perbuatan terhadap keselamatan umum dan keamanan negara
# en: Acts against computer systems
iccs-0903 = Perbuatan terhadap sistem komputer
# en: Unlawful access to a computer system
iccs-09031 = Akses tidak sah ke sistem komputer
# en: Participation in an organized criminal group
iccs-09051 = Keikutsertaan dalam kelompok kejahatan terorganisasi
# en: Acts against the natural environment
iccs-10 = Perbuatan terhadap lingkungan alam
# en: Acts that cause environmental pollution or degradation
iccs-1001 = Perbuatan yang menyebabkan pencemaran atau kerusakan lingkungan
# en: Acts involving the movement or dumping of waste
iccs-1002 = Perbuatan yang melibatkan pemindahan atau pembuangan limbah
# en: Trade or possession of protected or prohibited species of fauna and flora
iccs-1003 = Perdagangan atau kepemilikan spesies fauna dan flora yang dilindungi atau dilarang
# en: Acts that result in the depletion or degradation of natural resources
iccs-1004 = Perbuatan yang mengakibatkan berkurangnya atau rusaknya sumber daya alam
# en: Other criminal acts not elsewhere classified
iccs-11 = Perbuatan pidana lain yang tidak diklasifikasikan di tempat lain
