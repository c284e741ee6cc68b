// What kubesim prints for each corpus case (cases.ts), checked line by line against the kubectl messages they
// copy: apimachinery field errors, cli-runtime visitor/mapper errors, cobra flag errors. Keyed by case name.

export const EXPECTED: Record<string, { stderr: string[]; exit: 0 | 1 }> = {
  "tab indentation": {
    exit: 1,
    stderr: [
      "error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token (bad.yaml:4:1)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "bad indentation": {
    exit: 1,
    stderr: [
      "error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: did not find expected key (bad.yaml:5:1)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "unclosed double quote": {
    exit: 1,
    stderr: [
      "error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 6: found unexpected end of stream (bad.yaml:6:1)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "unclosed single quote": {
    exit: 1,
    stderr: [
      "error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: found unexpected end of stream (bad.yaml:5:1)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "unclosed flow mapping": {
    exit: 1,
    stderr: [
      "error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 4: did not find expected ',' or '}' (bad.yaml:4:1)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "duplicate mapping key": {
    exit: 1,
    stderr: [
      "The Pod \"p2\" is invalid: spec.containers: Required value",
      "  at bad.yaml:1 (spec.containers)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "JSON syntax error": {
    exit: 1,
    stderr: [
      "error: error parsing bad.json: error converting YAML to JSON: yaml: line 2: did not find expected ',' or '}' (bad.json:2:1)",
      "bad.json: \"kubectl apply -f bad.json\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "document is a list": {
    exit: 1,
    stderr: [
      "error: error validating \"bad.yaml\": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "document is a scalar": {
    exit: 1,
    stderr: [
      "error: error validating \"bad.yaml\": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "replicas as a word": {
    exit: 1,
    stderr: [
      "error: error validating \"bad.yaml\": error validating data: ValidationError(ReplicaSet.spec.replicas): invalid type for io.k8s.api.apps.v1.ReplicaSetSpec.replicas: got \"string\", expected \"integer\"; if you choose to ignore these errors, turn validation off with --validate=false",
      "  at bad.yaml:1",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "replicas as a fraction": {
    exit: 1,
    stderr: [
      "Error from server (BadRequest): error when creating \"bad.yaml\": ReplicaSet in version \"v1\" cannot be handled as a ReplicaSet: json: cannot unmarshal number 1.5 into Go struct field ReplicaSetSpec.spec.replicas of type int32",
      "  at bad.yaml:1",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "containers as a string": {
    exit: 1,
    stderr: [
      "error: error validating \"bad.yaml\": error validating data: ValidationError(Pod.spec.containers): invalid type for io.k8s.api.core.v1.PodSpec.containers: got \"string\", expected \"array\"; if you choose to ignore these errors, turn validation off with --validate=false",
      "  at bad.yaml:1",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "labels as a list": {
    exit: 1,
    stderr: [
      "error: error validating \"bad.yaml\": error validating data: ValidationError(ReplicaSet.spec.template.metadata.labels): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.labels: got \"array\", expected \"map\"; if you choose to ignore these errors, turn validation off with --validate=false",
      "  at bad.yaml:1",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "containerPort as a word": {
    exit: 1,
    stderr: [
      "error: error validating \"bad.yaml\": error validating data: ValidationError(Pod.spec.containers[0].ports[0].containerPort): invalid type for io.k8s.api.core.v1.ContainerPort.containerPort: got \"string\", expected \"integer\"; if you choose to ignore these errors, turn validation off with --validate=false",
      "  at bad.yaml:1",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "no apiVersion": {
    exit: 1,
    stderr: [
      "error: error validating \"bad.yaml\": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "no kind": {
    exit: 1,
    stderr: [
      "error: error validating \"bad.yaml\": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "no apiVersion and no kind": {
    exit: 1,
    stderr: [
      "error: error validating \"bad.yaml\": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "no metadata.name": {
    exit: 1,
    stderr: [
      "The Pod \"\" is invalid: metadata.name: Required value: name or generateName is required",
      "  at bad.yaml:3 (metadata.name)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "no containers": {
    exit: 1,
    stderr: [
      "The Pod \"p1\" is invalid: spec.containers: Required value",
      "  at bad.yaml:6 (spec.containers)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "container without image": {
    exit: 1,
    stderr: [
      "The Pod \"p1\" is invalid: spec.containers[0].image: Required value",
      "  at bad.yaml:7 (spec.containers[0].image)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "container without name": {
    exit: 1,
    stderr: [
      "The Pod \"p1\" is invalid: spec.containers[0].name: Required value",
      "  at bad.yaml:7 (spec.containers[0].name)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "ReplicaSet without selector": {
    exit: 1,
    stderr: [
      "The ReplicaSet \"web\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment",
      "  at bad.yaml:7 (spec.selector)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "ReplicaSet without template": {
    exit: 1,
    stderr: [
      "The ReplicaSet \"web\" is invalid: \n* spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`\n* spec.template.spec.containers: Required value",
      "  at bad.yaml:5 (spec.template.metadata.labels)",
      "  at bad.yaml:5 (spec.template.spec.containers)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "CronJob without schedule": {
    exit: 1,
    stderr: [
      "The CronJob \"c1\" is invalid: spec.schedule: Required value",
      "  at bad.yaml:5 (spec.schedule)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "upper-case name": {
    exit: 1,
    stderr: [
      "The Pod \"MyPod\" is invalid: metadata.name: Invalid value: \"MyPod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      "  at bad.yaml:4 (metadata.name)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "name with underscore": {
    exit: 1,
    stderr: [
      "The Pod \"my_pod\" is invalid: metadata.name: Invalid value: \"my_pod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      "  at bad.yaml:4 (metadata.name)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "name too long": {
    exit: 1,
    stderr: [
      "The Pod \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is invalid: metadata.name: Invalid value: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": must be no more than 253 characters",
      "  at bad.yaml:4 (metadata.name)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "invalid label value": {
    exit: 1,
    stderr: [
      "The ReplicaSet \"web\" is invalid: \n* spec.selector.matchLabels: Invalid value: \"web server\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n* spec.template.labels: Invalid value: \"web server\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      "  at bad.yaml:8 (spec.selector.matchLabels)",
      "  at bad.yaml:10 (spec.template.labels)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "invalid label key": {
    exit: 1,
    stderr: [
      "The ReplicaSet \"web\" is invalid: \n* spec.selector.matchLabels: Invalid value: \"-app\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n* spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"-app\":\"web\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: invalid label selector",
      "  at bad.yaml:8 (spec.selector.matchLabels)",
      "  at bad.yaml:7 (spec.selector)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "unknown selector operator": {
    exit: 1,
    stderr: [
      "The ReplicaSet \"web\" is invalid: \n* spec.selector.matchExpressions[0].operator: Invalid value: \"Like\": not a valid selector operator\n* spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\", Operator:\"Like\", Values:[]string{\"web\"}}}}: invalid label selector",
      "  at bad.yaml:10 (spec.selector.matchExpressions[0].operator)",
      "  at bad.yaml:7 (spec.selector)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "In without values": {
    exit: 1,
    stderr: [
      "The ReplicaSet \"web\" is invalid: \n* spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'\n* spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\", Operator:\"In\", Values:[]string{}}}}: invalid label selector",
      "  at bad.yaml:11 (spec.selector.matchExpressions[0].values)",
      "  at bad.yaml:7 (spec.selector)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "selector does not match template": {
    exit: 1,
    stderr: [
      "The ReplicaSet \"web\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"api\"}: `selector` does not match template `labels`",
      "  at bad.yaml:12 (spec.template.metadata.labels)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "Job with restartPolicy Always": {
    exit: 1,
    stderr: [
      "The Job \"j1\" is invalid: spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"",
      "  at bad.yaml:8 (spec.template.spec.restartPolicy)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "ReplicaSet with restartPolicy Never": {
    exit: 1,
    stderr: [
      "The ReplicaSet \"web\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
      "  at bad.yaml:15 (spec.template.spec.restartPolicy)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "DaemonSet with restartPolicy OnFailure": {
    exit: 1,
    stderr: [
      "The DaemonSet \"d1\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"",
      "  at bad.yaml:14 (spec.template.spec.restartPolicy)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "Pod with unknown restartPolicy": {
    exit: 1,
    stderr: [
      "The Pod \"p1\" is invalid: spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
      "  at bad.yaml:6 (spec.restartPolicy)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "negative replicas": {
    exit: 1,
    stderr: [
      "The ReplicaSet \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0",
      "  at bad.yaml:6 (spec.replicas)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "huge replicas": {
    exit: 1,
    stderr: [
      "Error from server (BadRequest): error when creating \"bad.yaml\": ReplicaSet in version \"v1\" cannot be handled as a ReplicaSet: json: cannot unmarshal number 99999999999 into Go struct field ReplicaSetSpec.spec.replicas of type int32",
      "  at bad.yaml:1",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "negative completions": {
    exit: 1,
    stderr: [
      "The Job \"j1\" is invalid: spec.completions: Invalid value: -3: must be greater than or equal to 0",
      "  at bad.yaml:6 (spec.completions)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "negative parallelism": {
    exit: 1,
    stderr: [
      "The Job \"j1\" is invalid: spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
      "  at bad.yaml:6 (spec.parallelism)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "negative backoffLimit": {
    exit: 1,
    stderr: [
      "The Job \"j1\" is invalid: spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0",
      "  at bad.yaml:6 (spec.backoffLimit)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "containerPort too big": {
    exit: 1,
    stderr: [
      "The Pod \"p1\" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
      "  at bad.yaml:10 (spec.containers[0].ports[0].containerPort)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "containerPort zero": {
    exit: 1,
    stderr: [
      "The Pod \"p1\" is invalid: spec.containers[0].ports[0].containerPort: Required value",
      "  at bad.yaml:10 (spec.containers[0].ports[0].containerPort)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "negative activeDeadlineSeconds": {
    exit: 1,
    stderr: [
      "The Job \"j1\" is invalid: spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0",
      "  at bad.yaml:6 (spec.activeDeadlineSeconds)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "invalid memory quantity": {
    exit: 1,
    stderr: [
      "Error from server (BadRequest): error when creating \"bad.yaml\": Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      "  at bad.yaml:1",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "invalid imagePullPolicy": {
    exit: 1,
    stderr: [
      "The Pod \"p1\" is invalid: spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"",
      "  at bad.yaml:9 (spec.containers[0].imagePullPolicy)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "CronJob schedule in words": {
    exit: 1,
    stderr: [
      "The CronJob \"c1\" is invalid: spec.schedule: Invalid value: \"every minute\": expected exactly 5 fields, found 2: [every minute]",
      "  at bad.yaml:6 (spec.schedule)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "CronJob minute out of range": {
    exit: 1,
    stderr: [
      "The CronJob \"c1\" is invalid: spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61",
      "  at bad.yaml:6 (spec.schedule)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "unknown kind": {
    exit: 1,
    stderr: [
      "error: resource mapping not found for name: \"f\" namespace: \"\" from \"bad.yaml\": no matches for kind \"Frobnicator\" in version \"v1\"\nensure CRDs are installed first",
      "  at bad.yaml:1",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "unknown apiVersion": {
    exit: 1,
    stderr: [
      "error: resource mapping not found for name: \"web\" namespace: \"\" from \"bad.yaml\": no matches for kind \"ReplicaSet\" in version \"apps/v2\"\nensure CRDs are installed first",
      "  at bad.yaml:1",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "kind in the wrong group": {
    exit: 1,
    stderr: [
      "error: resource mapping not found for name: \"web\" namespace: \"\" from \"bad.yaml\": no matches for kind \"ReplicaSet\" in version \"batch/v1\"\nensure CRDs are installed first",
      "  at bad.yaml:1",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "duplicate container names": {
    exit: 1,
    stderr: [
      "The Pod \"p1\" is invalid: spec.containers[1].name: Duplicate value: \"app\"",
      "  at bad.yaml:9 (spec.containers[1].name)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "create an object that exists": {
    exit: 1,
    stderr: [
      "Error from server (AlreadyExists): error when creating \"p.yaml\": pods \"dup\" already exists",
      "bad.ksim:1: \"kubectl create -f p.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "empty file": {
    exit: 1,
    stderr: [
      "error: no objects passed to apply",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "only document separators": {
    exit: 1,
    stderr: [
      "error: no objects passed to apply",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "only comments": {
    exit: 1,
    stderr: [
      "error: no objects passed to apply",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "binary file": {
    exit: 1,
    stderr: [
      "error: error parsing bad.yaml: error converting YAML to JSON: yaml: control characters are not allowed (bad.yaml:2:122; the file looks binary, not a YAML or JSON manifest)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "10 MB file": {
    exit: 1,
    stderr: [
      "error: error reading bad.yaml: the file is 10.1 MB; kubesim refuses manifests larger than 5.0 MB",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "deeply nested YAML": {
    exit: 1,
    stderr: [
      "error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: exceeded max depth of 200 (bad.yaml:5:206)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "billion laughs alias bomb": {
    exit: 1,
    stderr: [
      "error: error parsing bad.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing (bad.yaml:1:1)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "unknown alias": {
    exit: 1,
    stderr: [
      "error: error parsing bad.yaml: error converting YAML to JSON: yaml: unknown anchor 'nope' referenced (bad.yaml:4:9)",
      "bad.yaml: \"kubectl apply -f bad.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "unknown script verb": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: unknown command \"frobnicate\" (a line starts with kubectl, wait, node, say, ui or #)",
    ],
  },
  "misspelt kubectl": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: unknown command \"kubeclt\" (did you mean \"kubectl\"?)",
    ],
  },
  "unknown kubectl verb": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: unknown command \"frob\" for \"kubectl\"",
    ],
  },
  "unknown flag": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: unknown flag: --colour",
      "See 'kubectl get --help' for usage.",
    ],
  },
  "scale without --replicas": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
    ],
  },
  "replicas not a number": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: invalid argument \"abc\" for \"--replicas\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax",
      "See 'kubectl scale --help' for usage.",
    ],
  },
  "negative --replicas": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
    ],
  },
  "bad --cascade": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: invalid cascade value (sideways). Must be \"background\", \"foreground\", or \"orphan\"",
    ],
  },
  "patch that is not JSON": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: unable to parse \"{bad\": Flow map must end with a } at line 1, column 5:",
    ],
  },
  "unknown resource type": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: the server doesn't have a resource type \"frobs\"",
    ],
  },
  "wait in words": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: wait takes one duration, e.g. \"wait 30s\", \"wait 2m\", \"wait 1h30m\"",
    ],
  },
  "wait with unknown unit": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: invalid duration \"10x\"",
    ],
  },
  "negative wait": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: invalid duration \"-5s\"",
    ],
  },
  "bad --timeout": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: invalid argument \"banana\" for \"--timeout\" flag: time: invalid duration \"banana\"",
      "See 'kubectl wait --help' for usage.",
    ],
  },
  "unclosed quote in a script": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: unexpected EOF while looking for matching `\"'",
    ],
  },
  "unknown node operation": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: unknown node operation \"reboot\"; expected \"node kill|restore|delete NAME\" or \"node add NAME [key=value ...]\"",
    ],
  },
  "node add with a bad label": {
    exit: 1,
    stderr: [
      "bad.ksim:1: error: invalid label \"disk=fast ssd\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ],
  },
  "apply a missing file": {
    exit: 1,
    stderr: [
      "error: the path \"nope.yaml\" does not exist",
      "bad.ksim:1: \"kubectl apply -f nope.yaml\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "missing script file": {
    exit: 1,
    stderr: [
      "nope.ksim: error: cannot read the script: no such file",
    ],
  },
  "delete a missing pod": {
    exit: 1,
    stderr: [
      "Error from server (NotFound): pods \"nope\" not found",
      "bad.ksim:1: \"kubectl delete pod nope\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "scale a missing ReplicaSet": {
    exit: 1,
    stderr: [
      "Error from server (NotFound): replicasets.apps \"nope\" not found",
      "bad.ksim:1: \"kubectl scale rs nope --replicas=2\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "label a missing pod": {
    exit: 1,
    stderr: [
      "Error from server (NotFound): pods \"nope\" not found",
      "bad.ksim:1: \"kubectl label pod nope a=b\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "patch a missing pod": {
    exit: 1,
    stderr: [
      "Error from server (NotFound): pods \"nope\" not found",
      "bad.ksim:1: \"kubectl patch pod nope -p '{\"metadata\":{\"labels\":{\"a\":\"b\"}}}'\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "logs of a missing pod": {
    exit: 1,
    stderr: [
      "Error from server (NotFound): pods \"nope\" not found",
      "bad.ksim:1: \"kubectl logs nope\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "describe a missing pod": {
    exit: 1,
    stderr: [
      "Error from server (NotFound): pods \"nope\" not found",
      "bad.ksim:1: \"kubectl describe pod nope\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "kill a missing node": {
    exit: 1,
    stderr: [
      "Error from server (NotFound): nodes \"node-9\" not found",
      "bad.ksim:1: the command failed; stopping (--keep-going runs the rest)",
    ],
  },
  "cordon a missing node": {
    exit: 1,
    stderr: [
      "Error from server (NotFound): nodes \"node-9\" not found",
      "bad.ksim:1: \"kubectl cordon node-9\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "job from a missing CronJob": {
    exit: 1,
    stderr: [
      "Error from server (NotFound): cronjobs.batch \"nope\" not found",
      "bad.ksim:1: \"kubectl create job j1 --from=cronjob/nope\" failed; stopping (--keep-going runs the rest)",
    ],
  },
  "recording from a future format version": {
    exit: 1,
    stderr: [
      "error: bad.ksim: recording format v2 is newer than this kubesim (v1)",
    ],
  },
  "recording with a bad seed": {
    exit: 1,
    stderr: [
      "error: bad.ksim:2: the seed \"abc\" is not a whole number",
    ],
  },
  "recording with a bad start time": {
    exit: 1,
    stderr: [
      "error: bad.ksim:2: the start time \"yesterday\" is not an RFC 3339 time",
    ],
  },
  "corrupted recording": {
    exit: 1,
    stderr: [
      "bad.ksim:4: error: unknown command \"kub\u0000\u0007ctl\" (did you mean \"kubectl\"?)",
    ],
  },
  "truncated recording": {
    exit: 0,
    stderr: [
      "warning: bad.ksim:4: the recording ends mid-line; replaying up to there",
    ],
  },
};
