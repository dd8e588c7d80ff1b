using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace AutomationScanner.Core.Tests.Architecture;

/// <summary>
/// Which namespace of an assembly uses which, read from the built assembly's metadata: base types, interfaces,
/// generic constraints, attributes, field, method and property signatures, locals, and every type, method and
/// field token in the IL of every method body. Compiler-generated types (closures, state machines) count for the
/// type that declares them. Only types defined in the assembly under the given root namespace are nodes.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly SortedDictionary<string, SortedSet<string>> edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), SortedSet<string>> witnesses = [];

    private NamespaceGraph(string root)
    {
        Root = root;
    }

    /// <summary>The root namespace the graph was read under.</summary>
    public string Root { get; }

    /// <summary>Namespace to the namespaces its types use (never itself).</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Edges => edges;

    /// <summary>"UsingType -> UsedType" pairs that make an edge, for messages that say what to move.</summary>
    public IReadOnlyCollection<string> Why(string from, string to) =>
        witnesses.TryGetValue((from, to), out var pairs) ? pairs : [];

    public static NamespaceGraph Read(string assemblyPath, string rootNamespace)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var graph = new NamespaceGraph(rootNamespace);
        var collector = new TypeCollector(reader);

        foreach (var handle in reader.TypeDefinitions)
        {
            var from = OwnerOf(reader, handle);
            var fromNamespace = reader.GetString(reader.GetTypeDefinition(from).Namespace);
            if (!InRoot(fromNamespace, rootNamespace))
            {
                continue;
            }

            collector.Clear();
            collector.AddType(handle, pe);
            graph.AddNode(fromNamespace);
            foreach (var used in collector.Found)
            {
                var owner = OwnerOf(reader, used);
                var toNamespace = reader.GetString(reader.GetTypeDefinition(owner).Namespace);
                if (toNamespace == fromNamespace || !InRoot(toNamespace, rootNamespace))
                {
                    continue;
                }

                graph.AddEdge(fromNamespace, toNamespace, $"{NameOf(reader, from)} -> {NameOf(reader, owner)}");
            }
        }

        return graph;
    }

    /// <summary>
    /// The graph of the root's modules: every namespace counts as the first segment below the root
    /// (Classification.Llm as Classification, Ingestion.Ocel as Ingestion); types directly in the root stay the root.
    /// </summary>
    public NamespaceGraph ToModules()
    {
        var modules = new NamespaceGraph(Root);
        string ModuleOf(string ns) => ns.Length <= Root.Length ? ns : Root + "." + ns[(Root.Length + 1)..].Split('.')[0];
        foreach (var (from, targets) in edges)
        {
            modules.AddNode(ModuleOf(from));
            foreach (var to in targets)
            {
                foreach (var pair in Why(from, to))
                {
                    modules.AddEdge(ModuleOf(from), ModuleOf(to), pair);
                }
            }
        }

        return modules;
    }

    /// <summary>Every edge with the types that make it, one line each, for failure messages and the docs.</summary>
    public string Describe(int witnessesPerEdge = 3) => string.Join(Environment.NewLine, edges.SelectMany(e => e.Value.Select(to =>
        $"{e.Key} -> {to}: {string.Join("; ", Why(e.Key, to).Take(witnessesPerEdge))}")));

    private void AddEdge(string from, string to, string witness)
    {
        AddNode(from);
        AddNode(to);
        if (from == to)
        {
            return;
        }

        edges[from].Add(to);
        if (!witnesses.TryGetValue((from, to), out var pairs))
        {
            witnesses[(from, to)] = pairs = new SortedSet<string>(StringComparer.Ordinal);
        }

        pairs.Add(witness);
    }

    /// <summary>
    /// Every strongly connected component with more than one member (Tarjan), each with one closed path through it
    /// (A -> B -> C -> A) so a failure names the namespaces to untangle. An acyclic graph gives none; a namespace
    /// using itself is no cycle.
    /// </summary>
    public static IReadOnlyList<NamespaceCycle> FindCycles(IReadOnlyDictionary<string, SortedSet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();
        var next = 0;

        IEnumerable<string> Successors(string node) =>
            graph.TryGetValue(node, out var to) ? to.Where(t => t != node) : [];

        void Connect(string node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in Successors(node))
            {
                if (!index.ContainsKey(to))
                {
                    Connect(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to))
                {
                    low[node] = Math.Min(low[node], index[to]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    components.Add(component);
                }
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Connect(node);
            }
        }

        return [.. components.Select(c => new NamespaceCycle([.. c.Order(StringComparer.Ordinal)], ClosedPath(c, Successors)))];
    }

    /// <summary>Every namespace reachable from <paramref name="from"/> (not counting itself).</summary>
    public IReadOnlySet<string> ReachableFrom(string from)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var node))
        {
            if (!edges.TryGetValue(node, out var to))
            {
                continue;
            }

            foreach (var next in to)
            {
                if (next != from && seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }

    /// <summary>One shortest cycle through the component's alphabetically first member (breadth first).</summary>
    private static List<string> ClosedPath(List<string> component, Func<string, IEnumerable<string>> successors)
    {
        var members = component.ToHashSet(StringComparer.Ordinal);
        var start = component.Min(StringComparer.Ordinal)!;
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var to in successors(node).Where(members.Contains).Order(StringComparer.Ordinal))
            {
                if (to == start)
                {
                    var path = new List<string> { start };
                    for (var at = node; at != start; at = parent[at])
                    {
                        path.Insert(1, at);
                    }

                    path.Add(start);
                    return path;
                }

                if (parent.TryAdd(to, node))
                {
                    queue.Enqueue(to);
                }
            }
        }

        throw new InvalidOperationException("A strongly connected component without a cycle through its first member.");
    }

    private void AddNode(string name)
    {
        if (!edges.ContainsKey(name))
        {
            edges[name] = new SortedSet<string>(StringComparer.Ordinal);
        }
    }

    private static bool InRoot(string ns, string root) =>
        ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    private static TypeDefinitionHandle OwnerOf(MetadataReader reader, TypeDefinitionHandle handle)
    {
        while (true)
        {
            var declaring = reader.GetTypeDefinition(handle).GetDeclaringType();
            if (declaring.IsNil)
            {
                return handle;
            }

            handle = declaring;
        }
    }

    private static string NameOf(MetadataReader reader, TypeDefinitionHandle handle) =>
        reader.GetString(reader.GetTypeDefinition(handle).Name);

    /// <summary>Collects the assembly's own types that a type definition uses anywhere.</summary>
    private sealed class TypeCollector(MetadataReader reader) : ISignatureTypeProvider<int, object?>
    {
        private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value, o => o.OperandType);

        public HashSet<TypeDefinitionHandle> Found { get; } = [];

        public void Clear() => Found.Clear();

        public void AddType(TypeDefinitionHandle handle, PEReader pe)
        {
            var type = reader.GetTypeDefinition(handle);
            AddEntity(type.BaseType);
            foreach (var implementation in type.GetInterfaceImplementations())
            {
                AddEntity(reader.GetInterfaceImplementation(implementation).Interface);
            }

            AddGenericParameters(type.GetGenericParameters());
            AddAttributes(type.GetCustomAttributes());
            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                field.DecodeSignature(this, null);
                AddAttributes(field.GetCustomAttributes());
            }

            foreach (var propertyHandle in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(propertyHandle);
                property.DecodeSignature(this, null);
                AddAttributes(property.GetCustomAttributes());
            }

            foreach (var eventHandle in type.GetEvents())
            {
                AddEntity(reader.GetEventDefinition(eventHandle).Type);
            }

            foreach (var methodHandle in type.GetMethods())
            {
                AddMethod(reader.GetMethodDefinition(methodHandle), pe);
            }
        }

        private void AddMethod(MethodDefinition method, PEReader pe)
        {
            method.DecodeSignature(this, null);
            AddAttributes(method.GetCustomAttributes());
            AddGenericParameters(method.GetGenericParameters());
            foreach (var parameter in method.GetParameters())
            {
                AddAttributes(reader.GetParameter(parameter).GetCustomAttributes());
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null);
            }

            foreach (var region in body.ExceptionRegions)
            {
                AddEntity(region.CatchType);
            }

            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE)
                {
                    code = unchecked((short)(0xFE00 | il.ReadByte()));
                }

                switch (Operands[code])
                {
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineTok:
                    case OperandType.InlineType:
                        AddEntity(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case OperandType.InlineSig:
                        AddEntity(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineBrTarget:
                    case OperandType.InlineI:
                    case OperandType.InlineString:
                    case OperandType.ShortInlineR:
                        il.Offset += 4;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    default:
                        break;
                }
            }
        }

        private void AddGenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (var parameter in parameters)
            {
                foreach (var constraint in reader.GetGenericParameter(parameter).GetConstraints())
                {
                    AddEntity(reader.GetGenericParameterConstraint(constraint).Type);
                }
            }
        }

        private void AddAttributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var attribute in attributes)
            {
                AddEntity(reader.GetCustomAttribute(attribute).Constructor);
            }
        }

        private void AddEntity(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    Found.Add((TypeDefinitionHandle)handle);
                    break;
                case HandleKind.TypeSpecification:
                    reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
                case HandleKind.MethodDefinition:
                    Found.Add(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.FieldDefinition:
                    Found.Add(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    AddEntity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(this, null);
                    }
                    else
                    {
                        member.DecodeFieldSignature(this, null);
                    }

                    break;
                case HandleKind.MethodSpecification:
                    var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    AddEntity(specification.Method);
                    specification.DecodeSignature(this, null);
                    break;
                case HandleKind.StandaloneSignature:
                    var signature = reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                    if (signature.GetKind() == StandaloneSignatureKind.Method)
                    {
                        signature.DecodeMethodSignature(this, null);
                    }

                    break;
                default:
                    break;
            }
        }

        public int GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            Found.Add(handle);
            return 0;
        }

        public int GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) => 0;

        public int GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            metadata.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public int GetArrayType(int elementType, ArrayShape shape) => 0;

        public int GetByReferenceType(int elementType) => 0;

        public int GetFunctionPointerType(MethodSignature<int> signature) => 0;

        public int GetGenericInstantiation(int genericType, ImmutableArray<int> typeArguments) => 0;

        public int GetGenericMethodParameter(object? genericContext, int index) => 0;

        public int GetGenericTypeParameter(object? genericContext, int index) => 0;

        public int GetModifiedType(int modifier, int unmodifiedType, bool isRequired) => 0;

        public int GetPinnedType(int elementType) => 0;

        public int GetPointerType(int elementType) => 0;

        public int GetPrimitiveType(PrimitiveTypeCode typeCode) => 0;

        public int GetSZArrayType(int elementType) => 0;
    }
}
