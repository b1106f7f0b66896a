### status: drafted, not yet reviewed by a native speaker
### language: Filipino

## Categories: what a request asks the other country to do or check (Category).
## The flags in brackets, e.g. (--person), are the command line's and stay as they are.

# en: Person check
category-PERSON_CHECK = Pagsusuri ng tao
# en: is this person known to you: identity, record, wanted status (--person)
category-PERSON_CHECK-meaning = kilala ba ninyo ang taong ito: pagkakakilanlan, rekord, kung siya ay pinaghahanap (--person)
# en: Phone check
category-PHONE_CHECK = Pagsusuri ng numero ng telepono
# en: who holds this phone number, and since when (--phone)
category-PHONE_CHECK-meaning = sino ang may hawak ng numerong ito, at mula kailan (--phone)
# en: Wallet trace
category-WALLET_TRACE = Pagtunton ng crypto wallet
# en: who is behind this crypto-currency address, where its funds went (--wallet)
category-WALLET_TRACE-meaning = sino ang nasa likod ng crypto-currency address na ito, saan napunta ang pondo nito (--wallet)
# en: Company check
category-COMPANY_CHECK = Pagsusuri ng kompanya
# en: who registered, runs and owns this company (--company)
category-COMPANY_CHECK-meaning = sino ang nagparehistro, nagpapatakbo at nagmamay-ari ng kompanyang ito (--company)
# en: Victim identification
category-VICTIM_IDENTIFICATION = Pagkilala sa biktima
# en: identify a possible victim of trafficking, e.g. a rescued person (--person)
category-VICTIM_IDENTIFICATION-meaning = kilalanin ang posibleng biktima ng pangangalakal ng tao, hal. isang taong nasagip (--person)
# en: Evidence preservation
category-EVIDENCE_PRESERVATION = Pag-iingat ng ebidensiya
# en: preserve records or data until a formal request follows
category-EVIDENCE_PRESERVATION-meaning = ingatan ang mga rekord o datos hanggang sumunod ang isang pormal na kahilingan
# en: Case notification
category-CASE_NOTIFICATION = Abiso ng kaso
# en: tell the other country of a case that concerns it
category-CASE_NOTIFICATION-meaning = ipaalam sa kabilang bansa ang isang kasong may kinalaman dito

## Purposes: why the requesting country needs the information (Purpose).

# en: Investigation
purpose-INVESTIGATION = Imbestigasyon
# en: for a criminal investigation under way
purpose-INVESTIGATION-meaning = para sa kasalukuyang imbestigasyong kriminal
# en: Prosecution
purpose-PROSECUTION = Pag-uusig
# en: for a prosecution or trial
purpose-PROSECUTION-meaning = para sa pag-uusig o paglilitis
# en: Victim assistance
purpose-VICTIM_ASSISTANCE = Tulong sa biktima
# en: to protect, assist or bring home a victim
purpose-VICTIM_ASSISTANCE-meaning = upang protektahan, tulungan o iuwi ang isang biktima
# en: Intelligence
purpose-INTELLIGENCE = Intelihensiya
# en: for criminal intelligence, not as evidence
purpose-INTELLIGENCE-meaning = para sa kriminal na intelihensiya, hindi bilang ebidensiya

## Refusal reasons: why an agency declined to answer (RefusalReason).

# en: No competent agency
refusal-NO_COMPETENT_AGENCY = Walang may-kakayahang ahensiya
# en: no agency of this country handles this category
refusal-NO_COMPETENT_AGENCY-meaning = walang ahensiya ng bansang ito na humahawak sa kategoryang ito
# en: Insufficient information
refusal-INSUFFICIENT_INFORMATION = Kulang ang impormasyon
# en: the request lacks what is needed to act on it
refusal-INSUFFICIENT_INFORMATION-meaning = kulang ang kahilingan sa kailangan upang ito ay maaksiyunan
# en: No legal basis
refusal-NO_LEGAL_BASIS = Walang legal na batayan
# en: this country's law gives no basis to act on it
refusal-NO_LEGAL_BASIS-meaning = walang ibinibigay na batayan ang batas ng bansang ito upang ito ay maaksiyunan
# en: Prejudice to proceedings
refusal-PREJUDICE_TO_PROCEEDINGS = Makasasama sa paglilitis
# en: answering would prejudice an investigation or proceeding under way
refusal-PREJUDICE_TO_PROCEEDINGS-meaning = makasasama ang pagsagot sa isang kasalukuyang imbestigasyon o paglilitis
# en: Outside agreement
refusal-OUTSIDE_AGREEMENT = Labas sa kasunduan
# en: the request falls outside the sharing agreement
refusal-OUTSIDE_AGREEMENT-meaning = ang kahilingan ay labas sa saklaw ng kasunduan sa pagbabahagi
# en: Requires mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE = Kailangan ng mutual legal assistance
# en: it must go through formal mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE-meaning = kailangan itong idaan sa pormal na mutual legal assistance
# en: Deadline passed
refusal-DEADLINE_PASSED = Lumipas na ang takdang panahon
# en: the deadline passed before an answer could be given
refusal-DEADLINE_PASSED-meaning = lumipas ang takdang panahon bago makapagbigay ng sagot
# en: Other
refusal-OTHER = Iba pa
# en: another reason, given with --explanation
refusal-OTHER-meaning = ibang dahilan, ibinigay gamit ang --explanation

## Handling codes: how the requester may use released data (HandlingCode).

# en: Intelligence only
handling-INTELLIGENCE_ONLY = Para sa intelihensiya lamang
# en: for intelligence only; not to be produced in court
handling-INTELLIGENCE_ONLY-meaning = para sa intelihensiya lamang; hindi ihaharap sa hukuman
# en: Evidence with consent
handling-EVIDENCE_WITH_CONSENT = Ebidensiya kapag may pahintulot
# en: usable as evidence once the answering country consents
handling-EVIDENCE_WITH_CONSENT-meaning = magagamit bilang ebidensiya kapag pumayag na ang bansang sumagot
# en: No onward sharing
handling-NO_ONWARD_SHARING = Bawal ipasa sa iba
# en: not to be passed to any third country or agency outside the requester
handling-NO_ONWARD_SHARING-meaning = hindi ipapasa sa anumang ikatlong bansa o ahensiya sa labas ng humiling
# en: Victim protected
handling-VICTIM_PROTECTED = Protektado ang biktima
# en: about a possible victim: no onward transfer, never evidence against that person, the shortest retention
handling-VICTIM_PROTECTED-meaning = tungkol sa posibleng biktima: walang paglilipat sa iba, hindi kailanman ebidensiya laban sa taong iyon, pinakamaikling pagtatago

## Request statuses: where a request is in its lifecycle (RequestStatus).

# en: Submitted
status-SUBMITTED = Naisumite
# en: accepted by this node, not yet delivered to the peer
status-SUBMITTED-meaning = tinanggap ng node na ito, hindi pa naihahatid sa kabilang node
# en: Sent
status-SENT = Naipadala
# en: delivered: the peer's receipt is held
status-SENT-meaning = naihatid na: hawak na ang resibo ng kabilang node
# en: Received
status-RECEIVED = Natanggap
# en: received from a peer, not yet routed to an agency
status-RECEIVED-meaning = natanggap mula sa kabilang node, hindi pa naipapasa sa isang ahensiya
# en: Assigned
status-ASSIGNED = Naitalaga
# en: routed to an agency, waiting for its answer
status-ASSIGNED-meaning = naipasa sa isang ahensiya, naghihintay ng sagot nito
# en: Answered
status-ANSWERED = Nasagot
# en: answered with the fields released (final)
status-ANSWERED-meaning = nasagot kasama ang mga inilabas na datos (pinal)
# en: Refused
status-REFUSED = Tinanggihan
# en: refused, with a reason (final)
status-REFUSED-meaning = tinanggihan, may dahilan (pinal)
# en: Withdrawn
status-WITHDRAWN = Binawi
# en: withdrawn by the country that sent it (final)
status-WITHDRAWN-meaning = binawi ng bansang nagpadala nito (pinal)
# en: Expired
status-EXPIRED = Nag-expire
# en: its deadline passed without an answer (final)
status-EXPIRED-meaning = lumipas ang takdang panahon nito nang walang sagot (pinal)
# en: Undeliverable
status-UNDELIVERABLE = Hindi maihatid
# en: the peer refused its delivery for good (final)
status-UNDELIVERABLE-meaning = tuluyang tinanggihan ng kabilang node ang paghahatid nito (pinal)

## Victim statuses: what a victim-status notification says of its possible victim (VictimStatus).

# en: Confirmed
victim-status-CONFIRMED = Kumpirmado
# en: the competent authority identified the person as a victim
victim-status-CONFIRMED-meaning = kinilala ng may-kakayahang awtoridad ang tao bilang biktima
# en: Withdrawn
victim-status-WITHDRAWN = Binawi
# en: the indication that the person may be a victim is withdrawn
victim-status-WITHDRAWN-meaning = binawi na ang indikasyon na maaaring biktima ang tao

## Subject kinds: what a subject is (SubjectKind).

# en: Person
subject-kind-PERSON = Tao
# en: Phone
subject-kind-PHONE = Telepono
# en: Wallet
subject-kind-WALLET = Crypto wallet
# en: Company
subject-kind-COMPANY = Kompanya
# en: Bank account
subject-kind-BANK_ACCOUNT = Account sa bangko
# en: Online account
subject-kind-ONLINE_ACCOUNT = Online account
# en: Device
subject-kind-DEVICE = Device
# en: Identity document
subject-kind-IDENTITY_DOCUMENT = Dokumento ng pagkakakilanlan
# en: Vehicle
subject-kind-VEHICLE = Sasakyan
# en: IP address
subject-kind-IP_ADDRESS = IP address

## Subject roles: what part a subject plays in the case, as far as the requester knows (SubjectRole).

# en: Suspect
subject-role-SUSPECT = Suspek
# en: Possible victim
subject-role-POSSIBLE_VICTIM = Posibleng biktima
# en: Witness
subject-role-WITNESS = Saksi
# en: Unknown
subject-role-UNKNOWN = Hindi alam

## Identity document types (DocumentType).

# en: Passport
document-type-PASSPORT = Pasaporte
# en: National ID
document-type-NATIONAL_ID = National ID
# en: Residence permit
document-type-RESIDENCE_PERMIT = Permiso sa paninirahan
# en: Driving licence
document-type-DRIVING_LICENCE = Lisensiya sa pagmamaneho
# en: Seafarer book
document-type-SEAFARER_BOOK = Seafarer book (aklat ng marino)
# en: Other document
document-type-OTHER_DOCUMENT = Ibang dokumento

## Trafficking indicators (proto/src/victims.rs INDICATORS). The first eleven are the ILO
## Indicators of Forced Labour (ILO, 2012); the last three are Liaison's own.

# en: Abuse of vulnerability
indicator-ABUSE_OF_VULNERABILITY = Pagsasamantala sa kahinaan
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSE_OF_VULNERABILITY-meaning = Isa sa labing-isang ILO Indicators of Forced Labour, mga palatandaan ng sapilitang paggawa (ILO, 2012)
# en: Deception
indicator-DECEPTION = Panlilinlang
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DECEPTION-meaning = Isa sa labing-isang ILO Indicators of Forced Labour, mga palatandaan ng sapilitang paggawa (ILO, 2012)
# en: Restriction of movement
indicator-RESTRICTION_OF_MOVEMENT = Paghihigpit sa paggalaw
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RESTRICTION_OF_MOVEMENT-meaning = Isa sa labing-isang ILO Indicators of Forced Labour, mga palatandaan ng sapilitang paggawa (ILO, 2012)
# en: Isolation
indicator-ISOLATION = Paghihiwalay sa iba
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ISOLATION-meaning = Isa sa labing-isang ILO Indicators of Forced Labour, mga palatandaan ng sapilitang paggawa (ILO, 2012)
# en: Physical and sexual violence
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE = Pisikal at sekswal na karahasan
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE-meaning = Isa sa labing-isang ILO Indicators of Forced Labour, mga palatandaan ng sapilitang paggawa (ILO, 2012)
# en: Intimidation and threats
indicator-INTIMIDATION_AND_THREATS = Pananakot at pagbabanta
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-INTIMIDATION_AND_THREATS-meaning = Isa sa labing-isang ILO Indicators of Forced Labour, mga palatandaan ng sapilitang paggawa (ILO, 2012)
# en: Retention of identity documents
indicator-RETENTION_OF_IDENTITY_DOCUMENTS = Pagkuha at pagtatago ng mga dokumento ng pagkakakilanlan
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RETENTION_OF_IDENTITY_DOCUMENTS-meaning = Isa sa labing-isang ILO Indicators of Forced Labour, mga palatandaan ng sapilitang paggawa (ILO, 2012)
# en: Withholding of wages
indicator-WITHHOLDING_OF_WAGES = Pagpigil sa sahod
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-WITHHOLDING_OF_WAGES-meaning = Isa sa labing-isang ILO Indicators of Forced Labour, mga palatandaan ng sapilitang paggawa (ILO, 2012)
# en: Debt bondage
indicator-DEBT_BONDAGE = Pagkaalipin dahil sa utang
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DEBT_BONDAGE-meaning = Isa sa labing-isang ILO Indicators of Forced Labour, mga palatandaan ng sapilitang paggawa (ILO, 2012)
# en: Abusive working and living conditions
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS = Mapang-abusong kalagayan sa trabaho at pamumuhay
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS-meaning = Isa sa labing-isang ILO Indicators of Forced Labour, mga palatandaan ng sapilitang paggawa (ILO, 2012)
# en: Excessive overtime
indicator-EXCESSIVE_OVERTIME = Labis na overtime
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-EXCESSIVE_OVERTIME-meaning = Isa sa labing-isang ILO Indicators of Forced Labour, mga palatandaan ng sapilitang paggawa (ILO, 2012)
# en: Forced to commit online fraud (scams) under threat (Liaison's own indicator)
indicator-FORCED_ONLINE_FRAUD = Pinilit gumawa ng online na panloloko (scam) sa ilalim ng pagbabanta (sariling palatandaan ng Liaison)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-FORCED_ONLINE_FRAUD-meaning = Sariling palatandaan ng Liaison, hindi mula sa isang pamantayan: tanda ng sapilitang paggawa ng krimen na iniulat mula sa mga scam compound
# en: Fraud quotas enforced with punishment (Liaison's own indicator)
indicator-QUOTAS_WITH_PUNISHMENT = Mga quota sa panloloko na ipinatutupad sa pamamagitan ng parusa (sariling palatandaan ng Liaison)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-QUOTAS_WITH_PUNISHMENT-meaning = Sariling palatandaan ng Liaison, hindi mula sa isang pamantayan: tanda ng sapilitang paggawa ng krimen na iniulat mula sa mga scam compound
# en: Sold or transferred between compounds (Liaison's own indicator)
indicator-SOLD_BETWEEN_COMPOUNDS = Ipinagbili o inilipat sa pagitan ng mga compound (sariling palatandaan ng Liaison)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-SOLD_BETWEEN_COMPOUNDS-meaning = Sariling palatandaan ng Liaison, hindi mula sa isang pamantayan: tanda ng sapilitang paggawa ng krimen na iniulat mula sa mga scam compound

## Legal bases a request is made under (proto/src/legal.rs LEGAL_BASES): a short name,
## and the title as the meaning. ACTIP, UNTOC and MLAT stay untranslated.

# en: UNTOC art. 18
legal-UNTOC_ART_18 = UNTOC art. 18
# en: UN Convention against Transnational Organized Crime, art. 18 (mutual legal assistance)
legal-UNTOC_ART_18-meaning = Kumbensiyon ng UN laban sa Transnasyonal na Organisadong Krimen, art. 18 (mutual legal assistance)
# en: UNTOC art. 27
legal-UNTOC_ART_27 = UNTOC art. 27
# en: UN Convention against Transnational Organized Crime, art. 27 (law enforcement cooperation)
legal-UNTOC_ART_27-meaning = Kumbensiyon ng UN laban sa Transnasyonal na Organisadong Krimen, art. 27 (pagtutulungan sa pagpapatupad ng batas)
# en: UN Trafficking Protocol
legal-UN_TIP_PROTOCOL = UN Trafficking Protocol
# en: UN Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children
legal-UN_TIP_PROTOCOL-meaning = Protokol ng UN upang Pigilan, Sugpuin at Parusahan ang Pangangalakal ng Tao, Lalo na ng Kababaihan at Kabataan
# en: ACTIP
legal-ACTIP = ACTIP
# en: ASEAN Convention against Trafficking in Persons, Especially Women and Children
legal-ACTIP-meaning = Kumbensiyon ng ASEAN laban sa Pangangalakal ng Tao, Lalo na ng Kababaihan at Kabataan
# en: ASEAN MLAT
legal-ASEAN_MLAT = ASEAN MLAT
# en: ASEAN Treaty on Mutual Legal Assistance in Criminal Matters
legal-ASEAN_MLAT-meaning = Kasunduan ng ASEAN sa Mutual Legal Assistance sa mga Usaping Kriminal
# en: Budapest Convention art. 29
legal-BUDAPEST_ART_29 = Budapest Convention art. 29
# en: Convention on Cybercrime (Budapest), art. 29 (expedited preservation of stored computer data)
legal-BUDAPEST_ART_29-meaning = Kumbensiyon sa Cybercrime (Budapest), art. 29 (madaliang pag-iingat ng nakaimbak na computer data)
# en: Budapest Convention art. 35
legal-BUDAPEST_ART_35 = Budapest Convention art. 35
# en: Convention on Cybercrime (Budapest), art. 35 (24/7 network)
legal-BUDAPEST_ART_35-meaning = Kumbensiyon sa Cybercrime (Budapest), art. 35 (24/7 network)
# en: Bilateral agreement
legal-BILATERAL = Bilateral na kasunduan
# en: A bilateral agreement between the two countries (named in the reference)
legal-BILATERAL-meaning = Isang bilateral na kasunduan sa pagitan ng dalawang bansa (pinangalanan sa reference)
# en: Police-to-police cooperation
legal-POLICE_COOPERATION = Pagtutulungan ng pulisya sa pulisya
# en: Police-to-police cooperation
legal-POLICE_COOPERATION-meaning = Pagtutulungan ng pulisya sa pulisya
# en: Reciprocity
legal-RECIPROCITY = Reciprocity (pagtutumbasan)
# en: Reciprocity
legal-RECIPROCITY-meaning = Reciprocity (pagtutumbasan)

## Non-punishment provisions a request about a possible victim cites
## (proto/src/legal.rs NON_PUNISHMENT).

# en: ACTIP art. 14(7): consider not holding victims of trafficking criminally or administratively liable for unlawful acts directly related to their trafficking
non-punishment-ACTIP_ART_14_7 = ACTIP art. 14(7): isaalang-alang na huwag panagutin nang kriminal o administratibo ang mga biktima ng pangangalakal ng tao sa mga labag sa batas na gawaing tuwirang kaugnay ng kanilang pagiging biktima ng pangangalakal
# en: The requesting country's own non-punishment provision (named in the reference)
non-punishment-NATIONAL_LAW = Ang sariling probisyon ng humihiling na bansa sa hindi pagpaparusa sa biktima (pinangalanan sa reference)

## UNODC ICCS offence codes and titles (proto/data/iccs.tsv: ICCS version 1.0, UNODC 2015,
## a sourced subset). UNODC publishes no official ICCS titles in these languages, so
## translations of them are descriptive.

# en: Acts leading to death or intending to cause death
iccs-01 = Mga gawaing humahantong sa kamatayan o naglalayong magdulot ng kamatayan
# en: Intentional homicide
iccs-0101 = Sinadyang pagpatay
# en: Attempted intentional homicide
iccs-0102 = Tangkang sinadyang pagpatay
# en: Non-intentional homicide
iccs-0103 = Hindi sinadyang pagpatay
# en: Assisting or instigating suicide
iccs-0104 = Pagtulong o pag-udyok sa pagpapakamatay
# en: Euthanasia
iccs-0105 = Euthanasia
# en: Unlawful killing associated with armed conflict
iccs-0107 = Labag sa batas na pagpatay na kaugnay ng armadong tunggalian
# en: Other acts leading to death or intending to cause death
iccs-0109 = Iba pang gawaing humahantong sa kamatayan o naglalayong magdulot ng kamatayan
# en: Acts causing harm or intending to cause harm to the person
iccs-02 = Mga gawaing nagdudulot o naglalayong magdulot ng pinsala sa tao
# en: Assaults and threats
iccs-0201 = Pananakit at pagbabanta
# en: Assault
iccs-02011 = Pananakit
# en: Serious assault
iccs-020111 = Malubhang pananakit
# en: Acts against liberty
iccs-0202 = Mga gawain laban sa kalayaan
# en: Deprivation of liberty
iccs-02022 = Pag-aalis ng kalayaan
# en: Kidnapping
iccs-020221 = Pagdukot
# en: Slavery and exploitation
iccs-0203 = Pang-aalipin at pagsasamantala
# en: Forced labour for domestic services
iccs-020321 = Sapilitang paggawa sa serbisyong pantahanan
# en: Trafficking in persons
iccs-0204 = Pangangalakal ng tao
# en: Trafficking in persons for sexual exploitation
iccs-02041 = Pangangalakal ng tao para sa sekswal na pagsasamantala
# en: Trafficking in persons for forced labour or services
iccs-02042 = Pangangalakal ng tao para sa sapilitang paggawa o serbisyo
# en: Coercion
iccs-0205 = Pamimilit
# en: Negligence
iccs-0206 = Kapabayaan
# en: Dangerous acts
iccs-0207 = Mapanganib na mga gawain
# en: Acts intended to induce fear or emotional distress
iccs-0208 = Mga gawaing naglalayong magdulot ng takot o emosyonal na pagkabalisa
# en: Defamation or insult
iccs-0209 = Paninirang-puri o pang-iinsulto
# en: Discrimination
iccs-0210 = Diskriminasyon
# en: Acts that trespass against the person
iccs-0211 = Mga gawaing lumalabag sa pagkatao
# en: Other acts causing harm or intending to cause harm to the person
iccs-0219 = Iba pang gawaing nagdudulot o naglalayong magdulot ng pinsala sa tao
# en: Injurious acts of a sexual nature
iccs-03 = Mga nakapipinsalang gawaing may sekswal na katangian
# en: Sexual violence
iccs-0301 = Sekswal na karahasan
# en: Rape
iccs-03011 = Panggagahasa
# en: Sexual assault
iccs-03012 = Sekswal na pananakit
# en: Other acts of sexual violence
iccs-03019 = Iba pang gawain ng sekswal na karahasan
# en: Sexual exploitation
iccs-0302 = Sekswal na pagsasamantala
# en: Sexual exploitation of children
iccs-03022 = Sekswal na pagsasamantala sa mga bata
# en: Child pornography
iccs-030221 = Child pornography
# en: Acts against property involving violence or threat against a person
iccs-04 = Mga gawain laban sa ari-arian na may karahasan o pagbabanta laban sa tao
# en: Robbery
iccs-0401 = Panloloob at pagnanakaw nang may karahasan (robbery)
# en: Acts against property only
iccs-05 = Mga gawain laban sa ari-arian lamang
# en: Burglary
iccs-0501 = Panloloob (burglary)
# en: Burglary of private residential premises
iccs-05012 = Panloloob sa pribadong tirahan
# en: Theft
iccs-0502 = Pagnanakaw
# en: Theft of a motorized vehicle or parts thereof
iccs-05021 = Pagnanakaw ng de-motor na sasakyan o mga piyesa nito
# en: Theft of a motorized land vehicle
iccs-050211 = Pagnanakaw ng de-motor na sasakyang panlupa
# en: Acts involving controlled drugs or other psychoactive substances
iccs-06 = Mga gawaing may kinalaman sa mga kontroladong droga o iba pang psychoactive na sangkap
# en: Unlawful acts involving controlled drugs or precursors
iccs-0601 = Mga labag sa batas na gawaing may kinalaman sa mga kontroladong droga o precursor
# en: Acts involving fraud, deception or corruption
iccs-07 = Mga gawaing may kinalaman sa pandaraya, panlilinlang o katiwalian
# en: Fraud
iccs-0701 = Pandaraya
# en: Corruption
iccs-0703 = Katiwalian
# en: Bribery
iccs-07031 = Panunuhol
# en: Money laundering
iccs-07041 = Money laundering
# en: Acts against public order, authority and provisions of the State
iccs-08 = Mga gawain laban sa kaayusang pampubliko, awtoridad at mga probisyon ng Estado
# en: Smuggling of migrants offences
iccs-08051 = Mga paglabag sa smuggling ng mga migrante
# en: Acts against public safety and state security
iccs-09 = Mga gawain laban sa kaligtasang pampubliko at seguridad ng estado
# en: Acts against computer systems
iccs-0903 = Mga gawain laban sa mga computer system
# en: Unlawful access to a computer system
iccs-09031 = Labag sa batas na pag-access sa isang computer system
# en: Participation in an organized criminal group
iccs-09051 = Pakikilahok sa isang organisadong grupong kriminal
# en: Acts against the natural environment
iccs-10 = Mga gawain laban sa likas na kapaligiran
# en: Acts that cause environmental pollution or degradation
iccs-1001 = Mga gawaing nagdudulot ng polusyon o pagkasira ng kapaligiran
# en: Acts involving the movement or dumping of waste
iccs-1002 = Mga gawaing may kinalaman sa paglilipat o pagtatapon ng basura
# en: Trade or possession of protected or prohibited species of fauna and flora
iccs-1003 = Pangangalakal o pag-aari ng mga protektado o ipinagbabawal na uri ng hayop at halaman
# en: Acts that result in the depletion or degradation of natural resources
iccs-1004 = Mga gawaing nagreresulta sa pagkaubos o pagkasira ng likas na yaman
# en: Other criminal acts not elsewhere classified
iccs-11 = Iba pang gawaing kriminal na hindi nakauri sa ibang lugar
