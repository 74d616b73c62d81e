// Small synthetic LDIF exports, one per flavour, shaped like the real ones (docs/school-directories.md).
// Every name, school and UAI here is invented. Used by the tests of flavours, detection and school context.
import type { Flavour } from '../../../contract/codes.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const ENT_SCHOOL = 'ENTStructureUAI=0990001X,ou=structures,dc=ent-exemple,dc=fr';

export const SAMPLE_DIRECTORIES: Record<Flavour, string> = {
  sdet: `
dn: dc=ent-exemple,dc=fr
objectClass: dcObject
objectClass: organization
dc: ent-exemple
o: ENT Exemple

dn: cn=admin,dc=ent-exemple,dc=fr
objectClass: simpleSecurityObject
objectClass: organizationalRole
cn: admin
userPassword: {SSHA}c2FsdGVkaGFzaHNhbHQ=

dn: ${ENT_SCHOOL}
objectClass: ENTStructure
objectClass: ENTEtablissement
objectClass: organizationalUnit
ou: 0990001X
ENTStructureUAI: 0990001X
ENTStructureNomCourant: LG-DES GLYCINES-ac-EXEMPLE
l: Valmont-sur-Mer
postalAddress: 1 rue des Glycines$99100 VALMONT SUR MER CEDEX 3

dn: uid=F09X0001,ou=people,dc=ent-exemple,dc=fr
objectClass: inetOrgPerson
objectClass: ENTPerson
objectClass: ENTEleve
uid: F09X0001
cn: Durand-Lefèvre Anaëlle
ENTPersonLogin: anaelle.durand-lefevre
sn: Durand-Lefèvre
ENTPersonNomPatro: Lefèvre
givenName: Anaëlle
ENTPersonAutresPrenoms: Anaëlle
ENTPersonAutresPrenoms: Marie-Soleil
ENTPersonDateNaissance: 09/07/2008
ENTPersonProfils: National_ELV
ENTPersonStructRattach: ${ENT_SCHOOL}
ENTEleveClasses: ${ENT_SCHOOL}$TS2
userPassword: {SSHA}c2FsdGVkaGFzaDE=

dn: uid=F09X0002,ou=people,dc=ent-exemple,dc=fr
objectClass: inetOrgPerson
objectClass: ENTPerson
objectClass: ENTAuxPersRelEleve
uid: F09X0002
ENTPersonLogin: bruno.durand-lefevre
sn: Durand-Lefèvre
ENTPersonNomPatro: DURAND-LEFÈVRE
givenName: Bruno
ENTPersonDateNaissance: 19750304
ENTPersonProfils: National_TUT

dn: uid=F09X0003,ou=people,dc=ent-exemple,dc=fr
objectClass: inetOrgPerson
objectClass: ENTPerson
objectClass: ENTAuxEnseignant
uid: F09X0003
ENTPersonLogin: celeste.de-la-tour
sn:: ${b64('de La Tour')}
givenName:: ${b64('Céleste')}
ENTPersonProfils: National_TUT
ENTPersonProfils: National_ENS
ENTAuxEnsClasses: ${ENT_SCHOOL}$TS2
ENTAuxEnsClasses: ${ENT_SCHOOL}$1S3
userPassword: {SSHA}c2FsdGVkaGFzaDM=
sambaNTPassword: 0CB6948805F797BF2A82807973B89537

dn: uid=F09X0004,ou=people,dc=ent-exemple,dc=fr
objectClass: inetOrgPerson
objectClass: ENTPerson
uid: F09X0004
ENTPersonLogin: denis.nguyen
sn: Nguyen
givenName: Denis
ENTPersonProfils: National_DIR
userPassword: {SSHA}c2FsdGVkaGFzaDQ=

dn: uid=F09X0005,ou=people,dc=ent-exemple,dc=fr
objectClass: inetOrgPerson
objectClass: ENTPerson
objectClass: ENTAuxNonEnsEtab
uid: F09X0005
ENTPersonLogin: eva.moreau
sn: Moreau
givenName: Eva
ENTPersonProfils: National_EVS
ENTPersonDateNaissance: 31/02/1980

dn: uid=F09X0006,ou=people,dc=ent-exemple,dc=fr
objectClass: inetOrgPerson
objectClass: ENTPerson
objectClass: ENTAuxEnseignant
uid: F09X0006
ENTPersonLogin: farid.benali
sn: Benali
givenName: Farid

dn: uid=F09X0007,ou=people,dc=ent-exemple,dc=fr
objectClass: inetOrgPerson
objectClass: ENTPerson
uid: F09X0007
ENTPersonLogin: gael.robin
sn: Robin
givenName: Gaël
ENTPersonProfils: eleve
ENTPersonDateNaissance: 20090521
`,

  scribe: `
dn: o=gouv,c=fr
objectClass: organization
o: gouv

dn: ou=0990002Y,ou=ac-exemple,ou=education,o=gouv,c=fr
objectClass: organizationalUnit
ou: 0990002Y
description: Collège Les Tilleuls

dn: uid=admin,ou=local,ou=personnels,ou=utilisateurs,ou=0990002Y,ou=ac-exemple,ou=education,o=gouv,c=fr
objectClass: inetOrgPerson
objectClass: administrateur
uid: admin
sn: admin
cn: admin
userPassword: {SSHA}c2NyaWJlYWRtaW4=

dn: uid=jules.arnaud,ou=local,ou=eleves,ou=utilisateurs,ou=0990002Y,ou=ac-exemple,ou=education,o=gouv,c=fr
objectClass: inetOrgPerson
objectClass: sambaSamAccount
objectClass: Eleves
objectClass: ENTPerson
uid: jules.arnaud
sn: Arnaud
givenName: Jules
dateNaissance: 20090315
divcod: 3EME2
userPassword: {SSHA}c2NyaWJlZWxldmU=
sambaNTPassword: 0CB6948805F797BF2A82807973B89537

dn: uid=h.lemaire,ou=local,ou=personnels,ou=utilisateurs,ou=0990002Y,ou=ac-exemple,ou=education,o=gouv,c=fr
objectClass: inetOrgPerson
objectClass: administrateur
uid: h.lemaire
sn: Le Maire
givenName: Hélène
datenaissance: 19791122
userPassword: {SSHA}c2NyaWJlcHJvZg==

dn: uid=i.arnaud,ou=local,ou=responsables,ou=utilisateurs,ou=0990002Y,ou=ac-exemple,ou=education,o=gouv,c=fr
objectClass: inetOrgPerson
objectClass: ENTPerson
uid: i.arnaud
sn: Arnaud
givenName: Inès

dn: uid=k.petit,ou=local,ou=personnels,ou=utilisateurs,ou=0990002Y,ou=ac-exemple,ou=education,o=gouv,c=fr
objectClass: inetOrgPerson
objectClass: ENTPerson
uid: k.petit
sn: Petit
givenName: Karim
ENTPersonProfils: enseignant
ENTPersonDateNaissance: 02/10/1985
userPassword: {SSHA}c2NyaWJlcGV0aXQ=

dn: cn=3eme2,ou=groupes,ou=local,ou=0990002Y,ou=ac-exemple,ou=education,o=gouv,c=fr
objectClass: posixGroup
cn: 3eme2
description: Classe 3eme2
memberUid: jules.arnaud

dn: cn=4eme1,ou=groupes,ou=local,ou=0990002Y,ou=ac-exemple,ou=education,o=gouv,c=fr
objectClass: posixGroup
cn: 4eme1
description: Classe 4eme1
`,

  se3: `
dn: dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: dcObject
objectClass: organization
dc: clg-tilleuls
o: Collège Les Tilleuls
l: Bourg-Exemple

dn: cn=Eleves,ou=Groups,dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: posixGroup
cn: Eleves
gidNumber: 1001
memberUid: lucie.fabre
memberUid: paul.girard

dn: cn=Profs,ou=Groups,dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: posixGroup
cn: Profs
gidNumber: 1002
memberUid: MARC.HOARAU

dn: uid=admin,ou=People,dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: inetOrgPerson
objectClass: posixAccount
objectClass: sambaSamAccount
uid: admin
cn: Administrateur SE3
sn: Administrateur
userPassword: {MD5}ICy5YqxZB1uWSwcVLSNLcA==
sambaNTPassword: 0CB6948805F797BF2A82807973B89537

dn: uid=lucie.fabre,ou=People,dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: inetOrgPerson
objectClass: posixAccount
objectClass: shadowAccount
objectClass: sambaSamAccount
uid: lucie.fabre
cn: Lucie Fabre
sn: Fabre
givenName: Lucie
gecos:: ${b64('Lucie Fabre,20080623,F,N')}
userPassword: {MD5}Y2xlYXJseWZha2VoYXNoMQ==
sambaLMPassword: AAD3B435B51404EEAAD3B435B51404EE
sambaNTPassword: 31D6CFE0D16AE931B73C59D7E0C089C0

dn: uid=paul.girard,ou=People,dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: posixAccount
objectClass: sambaSamAccount
uid: paul.girard
cn: Paul Girard
gecos: Paul Girard,20071130,M,N

dn: uid=marc.hoarau,ou=People,dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: inetOrgPerson
objectClass: posixAccount
objectClass: sambaSamAccount
uid: marc.hoarau
sn: Hoarau
givenName: Marc
gecos: Marc Hoarau,19800230,M,N
userPassword: {MD5}Y2xlYXJseWZha2VoYXNoMg==

dn: uid=nadia.roux,ou=People,dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: inetOrgPerson
objectClass: posixAccount
objectClass: sambaSamAccount
uid: nadia.roux
sn: Roux
givenName: Nadia
gecos: Nadia Roux,19720101,F,N
userPassword: {MD5}Y2xlYXJseWZha2VoYXNoMw==

dn: uid=cdi-poste01$,ou=Computers,dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: posixAccount
objectClass: sambaSamAccount
uid: cdi-poste01$
cn: cdi-poste01$
sambaAcctFlags: [W          ]
sambaNTPassword: 5835048CE94AD0564E29A924A03510EF

dn: cn=Classe_5A,ou=Groups,dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: posixGroup
cn: Classe_5A
memberUid: lucie.fabre

dn: cn=Classe_4B,ou=Groups,dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: posixGroup
cn: Classe_4B
memberUid: paul.girard

dn: cn=Equipe_5A,ou=Groups,dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: posixGroup
cn: Equipe_5A
memberUid: marc.hoarau

dn: cn=Administratifs,ou=Groups,dc=clg-tilleuls,dc=ac-exemple,dc=fr
objectClass: posixGroup
cn: Administratifs
memberUid: nadia.roux
`,

  samba3: `
dn: dc=ecole-exemple,dc=fr
objectClass: dcObject
objectClass: organization
dc: ecole-exemple
o: Ecole Exemple

dn: sambaDomainName=ECOLE,dc=ecole-exemple,dc=fr
objectClass: sambaDomain
sambaDomainName: ECOLE
sambaSID: S-1-5-21-1111-2222-3333

dn: uid=o.mercier,ou=Users,dc=ecole-exemple,dc=fr
objectClass: inetOrgPerson
objectClass: sambaSamAccount
uid: o.mercier
sn: Mercier
givenName: Océane
sambaSID: S-1-5-21-1111-2222-3333-1001
sambaNTPassword: 0CB6948805F797BF2A82807973B89537
sambaAcctFlags: [U          ]

dn: uid=lea.dupont,ou=Users,dc=ecole-exemple,dc=fr
objectClass: account
objectClass: posixAccount
objectClass: sambaSamAccount
uid: lea.dupont
cn: lea.dupont
displayName: DUPONT-MOREAU Léa
sambaSID: S-1-5-21-1111-2222-3333-1002
sambaNTPassword: 0CB6948805F797BF2A82807973B89537

dn: uid=tech,ou=Users,dc=ecole-exemple,dc=fr
objectClass: account
objectClass: posixAccount
objectClass: sambaSamAccount
uid: tech
cn: Pierre Vasseur
sambaSID: S-1-5-21-1111-2222-3333-1003
sambaPrimaryGroupSID: S-1-5-21-1111-2222-3333-512
sambaNTPassword: 0CB6948805F797BF2A82807973B89537
`,

  inetorgperson: `
dn: dc=lycee-exemple,dc=org
objectClass: dcObject
objectClass: organization
dc: lycee-exemple
o: Lycée Exemple
l: Villeneuve-Exemple
st: Finistère

dn: cn=Manager,dc=lycee-exemple,dc=org
objectClass: simpleSecurityObject
objectClass: organizationalRole
cn: Manager
userPassword: secret-not-real

dn: ou=people,dc=lycee-exemple,dc=org
objectClass: organizationalUnit
ou: people
description: Comptes du Lycée Exemple - site de Villeneuve

dn: uid=quentin.faure,ou=people,dc=lycee-exemple,dc=org
objectClass: inetOrgPerson
objectClass: eduPerson
uid: quentin.faure
cn: Quentin Faure
sn: Faure
givenName: Quentin
dateOfBirth: 1984-06-17
eduPersonAffiliation: faculty
eduPersonAffiliation: member
userPassword: {SSHA}aW5ldG9yZ3Bhc3M=

dn: uid=rose.blanc,ou=people,dc=lycee-exemple,dc=org
objectClass: inetOrgPerson
uid: rose.blanc
cn: Rose Blanc
sn: Blanc
givenName: Rose
employeeType: eleve
employeeNumber: 12/05/2007

dn: cn=profs,ou=groups,dc=lycee-exemple,dc=org
objectClass: groupOfNames
cn: profs
member: uid=quentin.faure,ou=people,dc=lycee-exemple,dc=org
`,
};
