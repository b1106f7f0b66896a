### status: drafted, not yet reviewed by a native speaker
### language: Malay

## Categories: what a request asks the other country to do or check (Category).
## The flags in brackets, e.g. (--person), are the command line's and stay as they are.

# en: Person check
category-PERSON_CHECK = Semakan individu
# en: is this person known to you: identity, record, wanted status (--person)
category-PERSON_CHECK-meaning = adakah orang ini dikenali oleh pihak anda: identiti, rekod, status dikehendaki (--person)
# en: Phone check
category-PHONE_CHECK = Semakan nombor telefon
# en: who holds this phone number, and since when (--phone)
category-PHONE_CHECK-meaning = siapa pemegang nombor telefon ini, dan sejak bila (--phone)
# en: Wallet trace
category-WALLET_TRACE = Jejak dompet kripto
# en: who is behind this crypto-currency address, where its funds went (--wallet)
category-WALLET_TRACE-meaning = siapa di sebalik alamat mata wang kripto ini, ke mana dananya pergi (--wallet)
# en: Company check
category-COMPANY_CHECK = Semakan syarikat
# en: who registered, runs and owns this company (--company)
category-COMPANY_CHECK-meaning = siapa yang mendaftar, menjalankan dan memiliki syarikat ini (--company)
# en: Victim identification
category-VICTIM_IDENTIFICATION = Pengenalpastian mangsa
# en: identify a possible victim of trafficking, e.g. a rescued person (--person)
category-VICTIM_IDENTIFICATION-meaning = mengenal pasti orang yang mungkin mangsa pemerdagangan orang, contohnya orang yang diselamatkan (--person)
# en: Evidence preservation
category-EVIDENCE_PRESERVATION = Pemeliharaan bukti
# en: preserve records or data until a formal request follows
category-EVIDENCE_PRESERVATION-meaning = memelihara rekod atau data sehingga permintaan rasmi menyusul
# en: Case notification
category-CASE_NOTIFICATION = Pemberitahuan kes
# en: tell the other country of a case that concerns it
category-CASE_NOTIFICATION-meaning = memaklumkan negara lain tentang kes yang melibatkannya

## Purposes: why the requesting country needs the information (Purpose).

# en: Investigation
purpose-INVESTIGATION = Siasatan
# en: for a criminal investigation under way
purpose-INVESTIGATION-meaning = untuk siasatan jenayah yang sedang dijalankan
# en: Prosecution
purpose-PROSECUTION = Pendakwaan
# en: for a prosecution or trial
purpose-PROSECUTION-meaning = untuk pendakwaan atau perbicaraan
# en: Victim assistance
purpose-VICTIM_ASSISTANCE = Bantuan mangsa
# en: to protect, assist or bring home a victim
purpose-VICTIM_ASSISTANCE-meaning = untuk melindungi, membantu atau memulangkan mangsa
# en: Intelligence
purpose-INTELLIGENCE = Risikan
# en: for criminal intelligence, not as evidence
purpose-INTELLIGENCE-meaning = untuk risikan jenayah, bukan sebagai bukti

## Refusal reasons: why an agency declined to answer (RefusalReason).

# en: No competent agency
refusal-NO_COMPETENT_AGENCY = Tiada agensi berwibawa
# en: no agency of this country handles this category
refusal-NO_COMPETENT_AGENCY-meaning = tiada agensi negara ini yang mengendalikan kategori ini
# en: Insufficient information
refusal-INSUFFICIENT_INFORMATION = Maklumat tidak mencukupi
# en: the request lacks what is needed to act on it
refusal-INSUFFICIENT_INFORMATION-meaning = permintaan tidak mengandungi apa yang diperlukan untuk mengambil tindakan
# en: No legal basis
refusal-NO_LEGAL_BASIS = Tiada asas undang-undang
# en: this country's law gives no basis to act on it
refusal-NO_LEGAL_BASIS-meaning = undang-undang negara ini tidak memberikan asas untuk mengambil tindakan
# en: Prejudice to proceedings
refusal-PREJUDICE_TO_PROCEEDINGS = Menjejaskan prosiding
# en: answering would prejudice an investigation or proceeding under way
refusal-PREJUDICE_TO_PROCEEDINGS-meaning = menjawab akan menjejaskan siasatan atau prosiding yang sedang berjalan
# en: Outside agreement
refusal-OUTSIDE_AGREEMENT = Di luar perjanjian
# en: the request falls outside the sharing agreement
refusal-OUTSIDE_AGREEMENT-meaning = permintaan berada di luar skop perjanjian perkongsian maklumat
# en: Requires mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE = Memerlukan bantuan bersama
# en: it must go through formal mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE-meaning = permintaan mesti melalui saluran rasmi bantuan bersama dalam perkara jenayah
# en: Deadline passed
refusal-DEADLINE_PASSED = Tarikh akhir telah berlalu
# en: the deadline passed before an answer could be given
refusal-DEADLINE_PASSED-meaning = tarikh akhir telah berlalu sebelum jawapan dapat diberikan
# en: Other
refusal-OTHER = Lain-lain
# en: another reason, given with --explanation
refusal-OTHER-meaning = sebab lain, dinyatakan dengan --explanation

## Handling codes: how the requester may use released data (HandlingCode).

# en: Intelligence only
handling-INTELLIGENCE_ONLY = Untuk risikan sahaja
# en: for intelligence only; not to be produced in court
handling-INTELLIGENCE_ONLY-meaning = untuk risikan sahaja; tidak boleh dikemukakan di mahkamah
# en: Evidence with consent
handling-EVIDENCE_WITH_CONSENT = Bukti dengan persetujuan
# en: usable as evidence once the answering country consents
handling-EVIDENCE_WITH_CONSENT-meaning = boleh digunakan sebagai bukti setelah negara yang menjawab memberikan persetujuan
# en: No onward sharing
handling-NO_ONWARD_SHARING = Tidak boleh dikongsi lanjut
# en: not to be passed to any third country or agency outside the requester
handling-NO_ONWARD_SHARING-meaning = tidak boleh diserahkan kepada mana-mana negara ketiga atau agensi di luar pihak peminta
# en: Victim protected
handling-VICTIM_PROTECTED = Perlindungan mangsa
# en: about a possible victim: no onward transfer, never evidence against that person, the shortest retention
handling-VICTIM_PROTECTED-meaning = mengenai orang yang mungkin mangsa: tiada pemindahan lanjut, tidak sekali-kali menjadi bukti terhadap orang itu, tempoh penyimpanan paling singkat

## Request statuses: where a request is in its lifecycle (RequestStatus).

# en: Submitted
status-SUBMITTED = Dihantar masuk
# en: accepted by this node, not yet delivered to the peer
status-SUBMITTED-meaning = diterima oleh nod ini, belum disampaikan kepada nod rakan
# en: Sent
status-SENT = Dihantar
# en: delivered: the peer's receipt is held
status-SENT-meaning = telah disampaikan: resit nod rakan disimpan
# en: Received
status-RECEIVED = Diterima
# en: received from a peer, not yet routed to an agency
status-RECEIVED-meaning = diterima daripada nod rakan, belum disalurkan kepada agensi
# en: Assigned
status-ASSIGNED = Ditugaskan
# en: routed to an agency, waiting for its answer
status-ASSIGNED-meaning = disalurkan kepada agensi, menunggu jawapannya
# en: Answered
status-ANSWERED = Dijawab
# en: answered with the fields released (final)
status-ANSWERED-meaning = dijawab dengan data yang dikeluarkan (muktamad)
# en: Refused
status-REFUSED = Ditolak
# en: refused, with a reason (final)
status-REFUSED-meaning = ditolak, dengan sebab (muktamad)
# en: Withdrawn
status-WITHDRAWN = Ditarik balik
# en: withdrawn by the country that sent it (final)
status-WITHDRAWN-meaning = ditarik balik oleh negara yang menghantarnya (muktamad)
# en: Expired
status-EXPIRED = Tamat tempoh
# en: its deadline passed without an answer (final)
status-EXPIRED-meaning = tarikh akhirnya berlalu tanpa jawapan (muktamad)
# en: Undeliverable
status-UNDELIVERABLE = Tidak dapat disampaikan
# en: the peer refused its delivery for good (final)
status-UNDELIVERABLE-meaning = nod rakan menolak penyampaiannya secara kekal (muktamad)

## Victim statuses: what a victim-status notification says of its possible victim (VictimStatus).

# en: Confirmed
victim-status-CONFIRMED = Disahkan
# en: the competent authority identified the person as a victim
victim-status-CONFIRMED-meaning = pihak berkuasa yang berwibawa telah mengenal pasti orang itu sebagai mangsa
# en: Withdrawn
victim-status-WITHDRAWN = Ditarik balik
# en: the indication that the person may be a victim is withdrawn
victim-status-WITHDRAWN-meaning = petunjuk bahawa orang itu mungkin mangsa telah ditarik balik

## Subject kinds: what a subject is (SubjectKind).

# en: Person
subject-kind-PERSON = Individu
# en: Phone
subject-kind-PHONE = Telefon
# en: Wallet
subject-kind-WALLET = Dompet kripto
# en: Company
subject-kind-COMPANY = Syarikat
# en: Bank account
subject-kind-BANK_ACCOUNT = Akaun bank
# en: Online account
subject-kind-ONLINE_ACCOUNT = Akaun dalam talian
# en: Device
subject-kind-DEVICE = Peranti
# en: Identity document
subject-kind-IDENTITY_DOCUMENT = Dokumen pengenalan diri
# en: Vehicle
subject-kind-VEHICLE = Kenderaan
# en: IP address
subject-kind-IP_ADDRESS = Alamat IP

## Subject roles: what part a subject plays in the case, as far as the requester knows (SubjectRole).

# en: Suspect
subject-role-SUSPECT = Suspek
# en: Possible victim
subject-role-POSSIBLE_VICTIM = Kemungkinan mangsa
# en: Witness
subject-role-WITNESS = Saksi
# en: Unknown
subject-role-UNKNOWN = Tidak diketahui

## Identity document types (DocumentType).

# en: Passport
document-type-PASSPORT = Pasport
# en: National ID
document-type-NATIONAL_ID = Kad pengenalan kebangsaan
# en: Residence permit
document-type-RESIDENCE_PERMIT = Permit tinggal
# en: Driving licence
document-type-DRIVING_LICENCE = Lesen memandu
# en: Seafarer book
document-type-SEAFARER_BOOK = Buku pelaut
# en: Other document
document-type-OTHER_DOCUMENT = Dokumen lain

## Trafficking indicators (proto/src/victims.rs INDICATORS). The first eleven are the ILO
## Indicators of Forced Labour (ILO, 2012); the last three are Liaison's own.

# en: Abuse of vulnerability
indicator-ABUSE_OF_VULNERABILITY = Penyalahgunaan kerentanan
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSE_OF_VULNERABILITY-meaning = Salah satu daripada sebelas Petunjuk Buruh Paksa ILO (ILO, 2012)
# en: Deception
indicator-DECEPTION = Penipuan
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DECEPTION-meaning = Salah satu daripada sebelas Petunjuk Buruh Paksa ILO (ILO, 2012)
# en: Restriction of movement
indicator-RESTRICTION_OF_MOVEMENT = Sekatan pergerakan
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RESTRICTION_OF_MOVEMENT-meaning = Salah satu daripada sebelas Petunjuk Buruh Paksa ILO (ILO, 2012)
# en: Isolation
indicator-ISOLATION = Pengasingan
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ISOLATION-meaning = Salah satu daripada sebelas Petunjuk Buruh Paksa ILO (ILO, 2012)
# en: Physical and sexual violence
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE = Keganasan fizikal dan seksual
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE-meaning = Salah satu daripada sebelas Petunjuk Buruh Paksa ILO (ILO, 2012)
# en: Intimidation and threats
indicator-INTIMIDATION_AND_THREATS = Intimidasi dan ugutan
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-INTIMIDATION_AND_THREATS-meaning = Salah satu daripada sebelas Petunjuk Buruh Paksa ILO (ILO, 2012)
# en: Retention of identity documents
indicator-RETENTION_OF_IDENTITY_DOCUMENTS = Penahanan dokumen pengenalan diri
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RETENTION_OF_IDENTITY_DOCUMENTS-meaning = Salah satu daripada sebelas Petunjuk Buruh Paksa ILO (ILO, 2012)
# en: Withholding of wages
indicator-WITHHOLDING_OF_WAGES = Penahanan gaji
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-WITHHOLDING_OF_WAGES-meaning = Salah satu daripada sebelas Petunjuk Buruh Paksa ILO (ILO, 2012)
# en: Debt bondage
indicator-DEBT_BONDAGE = Ikatan hutang
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DEBT_BONDAGE-meaning = Salah satu daripada sebelas Petunjuk Buruh Paksa ILO (ILO, 2012)
# en: Abusive working and living conditions
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS = Keadaan kerja dan hidup yang menganiaya
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS-meaning = Salah satu daripada sebelas Petunjuk Buruh Paksa ILO (ILO, 2012)
# en: Excessive overtime
indicator-EXCESSIVE_OVERTIME = Kerja lebih masa yang berlebihan
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-EXCESSIVE_OVERTIME-meaning = Salah satu daripada sebelas Petunjuk Buruh Paksa ILO (ILO, 2012)
# en: Forced to commit online fraud (scams) under threat (Liaison's own indicator)
indicator-FORCED_ONLINE_FRAUD = Dipaksa melakukan penipuan dalam talian di bawah ugutan (petunjuk Liaison sendiri)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-FORCED_ONLINE_FRAUD-meaning = Petunjuk Liaison sendiri, bukan daripada suatu piawaian: tanda jenayah paksaan yang dilaporkan dari kompleks penipuan dalam talian (scam compound)
# en: Fraud quotas enforced with punishment (Liaison's own indicator)
indicator-QUOTAS_WITH_PUNISHMENT = Kuota penipuan yang dikuatkuasakan dengan hukuman (petunjuk Liaison sendiri)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-QUOTAS_WITH_PUNISHMENT-meaning = Petunjuk Liaison sendiri, bukan daripada suatu piawaian: tanda jenayah paksaan yang dilaporkan dari kompleks penipuan dalam talian (scam compound)
# en: Sold or transferred between compounds (Liaison's own indicator)
indicator-SOLD_BETWEEN_COMPOUNDS = Dijual atau dipindahkan antara kompleks (petunjuk Liaison sendiri)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-SOLD_BETWEEN_COMPOUNDS-meaning = Petunjuk Liaison sendiri, bukan daripada suatu piawaian: tanda jenayah paksaan yang dilaporkan dari kompleks penipuan dalam talian (scam compound)

## Legal bases a request is made under (proto/src/legal.rs LEGAL_BASES): a short name,
## and the title as the meaning. ACTIP, UNTOC and MLAT stay untranslated.

# en: UNTOC art. 18
legal-UNTOC_ART_18 = UNTOC perkara 18
# en: UN Convention against Transnational Organized Crime, art. 18 (mutual legal assistance)
legal-UNTOC_ART_18-meaning = Konvensyen Pertubuhan Bangsa-Bangsa Bersatu Menentang Jenayah Terancang Rentas Negara, perkara 18 (bantuan bersama dalam perkara jenayah)
# en: UNTOC art. 27
legal-UNTOC_ART_27 = UNTOC perkara 27
# en: UN Convention against Transnational Organized Crime, art. 27 (law enforcement cooperation)
legal-UNTOC_ART_27-meaning = Konvensyen Pertubuhan Bangsa-Bangsa Bersatu Menentang Jenayah Terancang Rentas Negara, perkara 27 (kerjasama penguatkuasaan undang-undang)
# en: UN Trafficking Protocol
legal-UN_TIP_PROTOCOL = Protokol PBB mengenai Pemerdagangan Orang
# en: UN Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children
legal-UN_TIP_PROTOCOL-meaning = Protokol PBB untuk Mencegah, Membanteras dan Menghukum Pemerdagangan Orang, Terutamanya Wanita dan Kanak-kanak
# en: ACTIP
legal-ACTIP = ACTIP
# en: ASEAN Convention against Trafficking in Persons, Especially Women and Children
legal-ACTIP-meaning = Konvensyen ASEAN Menentang Pemerdagangan Orang, Terutamanya Wanita dan Kanak-kanak
# en: ASEAN MLAT
legal-ASEAN_MLAT = ASEAN MLAT
# en: ASEAN Treaty on Mutual Legal Assistance in Criminal Matters
legal-ASEAN_MLAT-meaning = Perjanjian ASEAN mengenai Bantuan Bersama dalam Perkara Jenayah
# en: Budapest Convention art. 29
legal-BUDAPEST_ART_29 = Konvensyen Budapest perkara 29
# en: Convention on Cybercrime (Budapest), art. 29 (expedited preservation of stored computer data)
legal-BUDAPEST_ART_29-meaning = Konvensyen mengenai Jenayah Siber (Budapest), perkara 29 (pemeliharaan segera data komputer yang disimpan)
# en: Budapest Convention art. 35
legal-BUDAPEST_ART_35 = Konvensyen Budapest perkara 35
# en: Convention on Cybercrime (Budapest), art. 35 (24/7 network)
legal-BUDAPEST_ART_35-meaning = Konvensyen mengenai Jenayah Siber (Budapest), perkara 35 (rangkaian 24/7)
# en: Bilateral agreement
legal-BILATERAL = Perjanjian dua hala
# en: A bilateral agreement between the two countries (named in the reference)
legal-BILATERAL-meaning = Perjanjian dua hala antara kedua-dua negara (dinamakan dalam rujukan)
# en: Police-to-police cooperation
legal-POLICE_COOPERATION = Kerjasama polis dengan polis
# en: Police-to-police cooperation
legal-POLICE_COOPERATION-meaning = Kerjasama polis dengan polis
# en: Reciprocity
legal-RECIPROCITY = Timbal balik
# en: Reciprocity
legal-RECIPROCITY-meaning = Prinsip timbal balik

## Non-punishment provisions a request about a possible victim cites
## (proto/src/legal.rs NON_PUNISHMENT).

# en: ACTIP art. 14(7): consider not holding victims of trafficking criminally or administratively liable for unlawful acts directly related to their trafficking
non-punishment-ACTIP_ART_14_7 = ACTIP perkara 14(7): menimbangkan untuk tidak mempertanggungjawabkan mangsa pemerdagangan orang secara jenayah atau pentadbiran atas perbuatan menyalahi undang-undang yang berkaitan secara langsung dengan pemerdagangan mereka
# en: The requesting country's own non-punishment provision (named in the reference)
non-punishment-NATIONAL_LAW = Peruntukan tidak menghukum mangsa dalam undang-undang negara peminta sendiri (dinamakan dalam rujukan)

## UNODC ICCS offence codes and titles (proto/data/iccs.tsv: ICCS version 1.0, UNODC 2015,
## a sourced subset). UNODC publishes no official ICCS titles in these languages, so
## translations of them are descriptive.

# en: Acts leading to death or intending to cause death
iccs-01 = Perbuatan yang membawa kepada kematian atau bertujuan menyebabkan kematian
# en: Intentional homicide
iccs-0101 = Pembunuhan dengan niat
# en: Attempted intentional homicide
iccs-0102 = Cubaan membunuh dengan niat
# en: Non-intentional homicide
iccs-0103 = Pembunuhan tanpa niat
# en: Assisting or instigating suicide
iccs-0104 = Membantu atau menghasut bunuh diri
# en: Euthanasia
iccs-0105 = Eutanasia
# en: Unlawful killing associated with armed conflict
iccs-0107 = Pembunuhan menyalahi undang-undang yang berkaitan dengan konflik bersenjata
# en: Other acts leading to death or intending to cause death
iccs-0109 = Perbuatan lain yang membawa kepada kematian atau bertujuan menyebabkan kematian
# en: Acts causing harm or intending to cause harm to the person
iccs-02 = Perbuatan yang menyebabkan kecederaan atau bertujuan menyebabkan kecederaan kepada orang
# en: Assaults and threats
iccs-0201 = Serangan dan ugutan
# en: Assault
iccs-02011 = Serangan
# en: Serious assault
iccs-020111 = Serangan serius
# en: Acts against liberty
iccs-0202 = Perbuatan terhadap kebebasan
# en: Deprivation of liberty
iccs-02022 = Perampasan kebebasan
# en: Kidnapping
iccs-020221 = Penculikan
# en: Slavery and exploitation
iccs-0203 = Perhambaan dan eksploitasi
# en: Forced labour for domestic services
iccs-020321 = Buruh paksa untuk perkhidmatan domestik
# en: Trafficking in persons
iccs-0204 = Pemerdagangan orang
# en: Trafficking in persons for sexual exploitation
iccs-02041 = Pemerdagangan orang untuk eksploitasi seksual
# en: Trafficking in persons for forced labour or services
iccs-02042 = Pemerdagangan orang untuk buruh atau perkhidmatan paksa
# en: Coercion
iccs-0205 = Paksaan
# en: Negligence
iccs-0206 = Kecuaian
# en: Dangerous acts
iccs-0207 = Perbuatan berbahaya
# en: Acts intended to induce fear or emotional distress
iccs-0208 = Perbuatan yang bertujuan menimbulkan ketakutan atau tekanan emosi
# en: Defamation or insult
iccs-0209 = Fitnah atau penghinaan
# en: Discrimination
iccs-0210 = Diskriminasi
# en: Acts that trespass against the person
iccs-0211 = Perbuatan yang mencerobohi diri seseorang
# en: Other acts causing harm or intending to cause harm to the person
iccs-0219 = Perbuatan lain yang menyebabkan kecederaan atau bertujuan menyebabkan kecederaan kepada orang
# en: Injurious acts of a sexual nature
iccs-03 = Perbuatan mencederakan yang bersifat seksual
# en: Sexual violence
iccs-0301 = Keganasan seksual
# en: Rape
iccs-03011 = Rogol
# en: Sexual assault
iccs-03012 = Serangan seksual
# en: Other acts of sexual violence
iccs-03019 = Perbuatan keganasan seksual yang lain
# en: Sexual exploitation
iccs-0302 = Eksploitasi seksual
# en: Sexual exploitation of children
iccs-03022 = Eksploitasi seksual kanak-kanak
# en: Child pornography
iccs-030221 = Pornografi kanak-kanak
# en: Acts against property involving violence or threat against a person
iccs-04 = Perbuatan terhadap harta benda yang melibatkan kekerasan atau ugutan terhadap orang
# en: Robbery
iccs-0401 = Rompakan
# en: Acts against property only
iccs-05 = Perbuatan terhadap harta benda sahaja
# en: Burglary
iccs-0501 = Pecah rumah
# en: Burglary of private residential premises
iccs-05012 = Pecah rumah kediaman persendirian
# en: Theft
iccs-0502 = Kecurian
# en: Theft of a motorized vehicle or parts thereof
iccs-05021 = Kecurian kenderaan bermotor atau alat gantinya
# en: Theft of a motorized land vehicle
iccs-050211 = Kecurian kenderaan bermotor darat
# en: Acts involving controlled drugs or other psychoactive substances
iccs-06 = Perbuatan yang melibatkan dadah terkawal atau bahan psikoaktif lain
# en: Unlawful acts involving controlled drugs or precursors
iccs-0601 = Perbuatan menyalahi undang-undang yang melibatkan dadah terkawal atau prekursor
# en: Acts involving fraud, deception or corruption
iccs-07 = Perbuatan yang melibatkan fraud, penipuan atau rasuah
# en: Fraud
iccs-0701 = Fraud
# en: Corruption
iccs-0703 = Rasuah
# en: Bribery
iccs-07031 = Penyogokan
# en: Money laundering
iccs-07041 = Pengubahan wang haram
# en: Acts against public order, authority and provisions of the State
iccs-08 = Perbuatan terhadap ketenteraman awam, kuasa dan peruntukan Negara
# en: Smuggling of migrants offences
iccs-08051 = Kesalahan penyeludupan migran
# en: Acts against public safety and state security
iccs-09 = Perbuatan terhadap keselamatan awam dan keselamatan negara
# en: Acts against computer systems
iccs-0903 = Perbuatan terhadap sistem komputer
# en: Unlawful access to a computer system
iccs-09031 = Akses tanpa kebenaran kepada sistem komputer
# en: Participation in an organized criminal group
iccs-09051 = Penyertaan dalam kumpulan jenayah terancang
# en: Acts against the natural environment
iccs-10 = Perbuatan terhadap alam sekitar semula jadi
# en: Acts that cause environmental pollution or degradation
iccs-1001 = Perbuatan yang menyebabkan pencemaran atau kemerosotan alam sekitar
# en: Acts involving the movement or dumping of waste
iccs-1002 = Perbuatan yang melibatkan pemindahan atau pembuangan sisa
# en: Trade or possession of protected or prohibited species of fauna and flora
iccs-1003 = Perdagangan atau pemilikan spesies fauna dan flora yang dilindungi atau dilarang
# en: Acts that result in the depletion or degradation of natural resources
iccs-1004 = Perbuatan yang mengakibatkan pengurangan atau kemerosotan sumber asli
# en: Other criminal acts not elsewhere classified
iccs-11 = Perbuatan jenayah lain yang tidak dikelaskan di tempat lain
