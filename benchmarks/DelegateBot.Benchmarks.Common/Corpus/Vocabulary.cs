namespace DelegateBot.Benchmarks.Corpus;

/// <summary>Names, places and topics the generator varies, so the synthetic documents are not copies of each other.</summary>
internal static class Vocabulary
{
    public static readonly string[] FirstNames =
    [
        "Amina", "Carlos", "Mei", "Olusegun", "Ingrid", "Rahul", "Fatou", "Tomasz", "Lucía", "Kwame", "Yuki", "Hassan",
        "Elena", "Thabo", "Sofía", "Dmitri", "Aisha", "Jean-Pierre", "Nadia", "Arjun", "Chiara", "Samuel", "Leila", "Pablo",
        "Grace", "Omar", "Marta", "Kenji", "Zainab", "Lars", "Priya", "Mateo", "Nkechi", "Henrik", "Farah", "Diego",
        "Ana", "Ibrahim", "Helena", "Tariq", "Rosa", "Viktor", "Esther", "Ahmed", "Camille", "Joseph", "Linh", "Miguel",
    ];

    public static readonly string[] Surnames =
    [
        "Okafor", "Lindqvist", "Haddad", "Moreno", "Tanaka", "Mensah", "Kowalski", "Ramírez", "Chaudhry", "Diallo",
        "Petrov", "Nakamura", "Abebe", "Fischer", "Rossi", "Nguyen", "Van der Berg", "Al-Sayed", "Kariuki", "Santos",
        "Johansson", "Banda", "Castillo", "Hosseini", "Mwangi", "Dubois", "Singh", "Oyelaran", "Novak", "Gutiérrez",
        "Achebe", "Larsen", "Benali", "Ivanova", "Costa", "Mahlangu", "Yilmaz", "Park", "Ferreira", "Osei", "Kamara",
        "Bianchi", "Sato", "Hernández", "Eriksson", "Tembo", "Rahman", "Morales", "Adeyemi", "Schmidt",
    ];

    public static readonly string[] Honorifics = ["Mr.", "Ms.", "Dr.", "H.E. Mr.", "H.E. Ms.", "Professor", "Ambassador"];

    public static readonly string[] Roles =
    [
        "Permanent Representative to the United Nations", "Director, Migration Policy Division", "Minister of Labour",
        "Senior Economist, World Bank", "Deputy Director General", "Head of the Diaspora Affairs Unit",
        "Special Rapporteur on the human rights of migrants", "Executive Director", "Chief of Section, Population Division",
        "Regional Director for Africa", "Adviser on Remittances", "Vice-Minister for Foreign Affairs",
    ];

    public static readonly string[] Cities =
    [
        "Geneva", "New York", "Manila", "Dakar", "Bangkok", "Mexico City", "Rabat", "Nairobi", "Brussels", "Vienna",
        "Quito", "Colombo", "Accra", "Istanbul", "Bogotá", "Kigali", "Jakarta", "Lisbon", "Addis Ababa", "Santiago",
        "Dhaka", "Marrakesh", "Tunis", "Montevideo", "Kathmandu", "Abuja", "Doha", "Panama City", "Tbilisi", "Windhoek",
        "Ouagadougou", "Hanoi", "Lima", "Almaty", "Sarajevo", "Port Louis", "Suva", "Bamako", "Kampala", "Amman",
    ];

    public static readonly string[] Venues =
    [
        "United Nations Conference Centre", "Palais des Nations", "International Convention Centre", "Ministry of Foreign Affairs",
        "UN Headquarters", "Regional Commission building", "Parliament House", "University Conference Hall",
    ];

    public static readonly string[] Rooms =
    [
        "Conference Room 1", "Conference Room 4", "Conference Room 11", "Room XVII", "Room XXI", "Salle des Assemblées",
        "Trusteeship Council Chamber", "Economic and Social Council Chamber", "Room S-2725", "Auditorium B",
    ];

    public static readonly string[] Organisers =
    [
        "International Organization for Migration", "United Nations Institute for Training and Research",
        "Department of Economic and Social Affairs", "Global Migration Group", "United Nations Population Fund",
        "International Labour Organization", "Inter-Parliamentary Union", "Economic Commission for Africa",
        "Office of the High Commissioner for Human Rights", "World Bank",
    ];

    public static readonly string[] MeetingKinds =
    [
        "Regional Consultation", "Expert Group Meeting", "Seminar", "Workshop", "Thematic Dialogue", "Coordination Meeting",
        "Round Table", "Parliamentary Hearing", "Intergovernmental Conference", "Technical Symposium",
    ];

    public static readonly string[] Topics =
    [
        "Labour Mobility", "Remittances and Financial Inclusion", "Diaspora Engagement", "Climate Change and Displacement",
        "Migrant Health", "Return and Reintegration", "Skills Recognition", "Border Governance", "Smuggling of Migrants",
        "Migration Data", "Children on the Move", "Ethical Recruitment", "Circular Migration", "Integration in Cities",
        "Gender and Migration", "Consular Protection",
    ];

    public static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    public static readonly string[] Ordinals = ["one", "two", "three", "four", "five"];

    public static readonly string[] Sections =
    [
        "Background", "Introduction", "Objectives", "Context", "Discussion", "Recommendations", "Conclusions", "Follow-up",
        "Summary of proceedings", "Policy options",
    ];
}
