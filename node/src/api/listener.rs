//! What each of the node's two gRPC listeners serves: its Liaison services,
//! the standard ones beside them (health and both versions of server
//! reflection), every method with its path, and the size limit of a request
//! message. Methods and reflection are read from the same descriptors, cut
//! down to the listener's own services, so that routing, health, reflection
//! and the request-body check ([`crate::api::body_check`]) cannot disagree about
//! what a listener serves.

use std::collections::{BTreeSet, HashMap};

use liaison_proto::envelope::MAX_MESSAGE_BYTES;
use prost::Message as _;
use prost_types::{FileDescriptorProto, FileDescriptorSet};

/// One of the node's gRPC listeners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Listener {
    /// Peers, over mutual TLS.
    Federation,
    /// This country's users, with bearer tokens: plain on loopback, or TLS 1.3.
    Local,
}

/// The services every listener serves beside its Liaison ones.
pub const STANDARD_SERVICES: &[&str] = &[
    "grpc.health.v1.Health",
    "grpc.reflection.v1.ServerReflection",
    "grpc.reflection.v1alpha.ServerReflection",
];

impl Listener {
    /// The listener's name in metrics and logs.
    pub fn name(self) -> &'static str {
        match self {
            Listener::Federation => "federation",
            Listener::Local => "local",
        }
    }

    /// The Liaison services the listener serves.
    pub fn services(self) -> &'static [&'static str] {
        match self {
            Listener::Federation => &["liaison.v1.Federation"],
            Listener::Local => &[
                "liaison.v1.FocalPoint",
                "liaison.v1.Agency",
                "liaison.v1.Audit",
                "liaison.v1.Admin",
                "liaison.v1.Account",
                "liaison.v1.Users",
                "liaison.v1.Evidence",
                "liaison.v1.Hits",
            ],
        }
    }

    /// The largest request message the listener reads, in bytes, for every
    /// service on it. The federation limit is larger than any valid
    /// envelope, so that an envelope over [`MAX_MESSAGE_BYTES`] reaches
    /// `Deliver` and is refused (and audited) there with its reason; the
    /// local one is tonic's default.
    pub fn message_limit(self) -> usize {
        match self {
            Listener::Federation => MAX_MESSAGE_BYTES * 8,
            Listener::Local => 4 * 1024 * 1024,
        }
    }
}

/// One method a listener serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Method {
    /// `package.Service/Method`, as audit entries and logs name it.
    pub name: String,
    /// Whether a call carries exactly one request message (unary and
    /// server-streaming methods), rather than a stream of them.
    pub single_request: bool,
}

/// A listener's services, methods and the descriptors reflection serves.
#[derive(Debug, Clone)]
pub struct Surface {
    listener: Listener,
    /// The Liaison proto files the listener's services need, each holding
    /// only the services the listener serves.
    files: FileDescriptorSet,
    /// Every method the listener serves, by its HTTP/2 path
    /// (`/package.Service/Method`).
    methods: HashMap<String, Method>,
}

impl Surface {
    /// Reads the descriptors compiled into the node.
    pub fn new(listener: Listener) -> Result<Surface, prost::DecodeError> {
        let liaison = FileDescriptorSet::decode(liaison_proto::pb::FILE_DESCRIPTOR_SET)?;
        let files = restrict(liaison, listener.services());
        let mut methods = HashMap::new();
        let standard = [
            tonic_health::pb::FILE_DESCRIPTOR_SET,
            tonic_reflection::pb::v1::FILE_DESCRIPTOR_SET,
            tonic_reflection::pb::v1alpha::FILE_DESCRIPTOR_SET,
        ]
        .into_iter()
        .map(FileDescriptorSet::decode)
        .collect::<Result<Vec<_>, _>>()?;
        for file in files
            .file
            .iter()
            .chain(standard.iter().flat_map(|s| &s.file))
        {
            let package = file.package();
            for service in &file.service {
                let service_name = format!("{package}.{}", service.name());
                for method in &service.method {
                    let name = format!("{service_name}/{}", method.name());
                    methods.insert(
                        format!("/{name}"),
                        Method {
                            name,
                            single_request: !method.client_streaming(),
                        },
                    );
                }
            }
        }
        Ok(Surface {
            listener,
            files,
            methods,
        })
    }

    pub fn listener(&self) -> Listener {
        self.listener
    }

    /// The method served at an HTTP/2 path, if any.
    pub fn method(&self, path: &str) -> Option<&Method> {
        self.methods.get(path)
    }

    /// The names of every service the listener serves, standard ones
    /// included: what reflection lists.
    pub fn service_names(&self) -> Vec<&'static str> {
        self.listener
            .services()
            .iter()
            .chain(STANDARD_SERVICES)
            .copied()
            .collect()
    }

    /// Server reflection, `grpc.reflection.v1`, listing exactly the
    /// listener's services and describing only them.
    pub fn reflection_v1(
        &self,
    ) -> Result<
        tonic_reflection::server::v1::ServerReflectionServer<
            impl tonic_reflection::server::v1::ServerReflection,
        >,
        tonic_reflection::server::Error,
    > {
        Ok(self
            .reflection()
            .build_v1()?
            .max_decoding_message_size(self.listener.message_limit()))
    }

    /// Server reflection, `grpc.reflection.v1alpha`, for the clients that
    /// speak only that version (grpcio's, older grpcurl).
    pub fn reflection_v1alpha(
        &self,
    ) -> Result<
        tonic_reflection::server::v1alpha::ServerReflectionServer<
            impl tonic_reflection::server::v1alpha::ServerReflection,
        >,
        tonic_reflection::server::Error,
    > {
        Ok(self
            .reflection()
            .build_v1alpha()?
            .max_decoding_message_size(self.listener.message_limit()))
    }

    fn reflection(&self) -> tonic_reflection::server::Builder<'static> {
        let mut builder = tonic_reflection::server::Builder::configure()
            // Both versions' descriptors are registered below, so that each
            // version describes both of the reflection services it lists.
            .include_reflection_service(false)
            .register_file_descriptor_set(self.files.clone())
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_reflection::pb::v1::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(
                tonic_reflection::pb::v1alpha::FILE_DESCRIPTOR_SET,
            );
        for service in self.service_names() {
            builder = builder.with_service_name(service);
        }
        builder
    }
}

/// The files of `set` that `services` need: those declaring one of them and
/// every file these import, each file keeping only the services among
/// `services`.
fn restrict(set: FileDescriptorSet, services: &[&str]) -> FileDescriptorSet {
    let by_name: HashMap<String, FileDescriptorProto> = set
        .file
        .iter()
        .map(|file| (file.name().to_string(), file.clone()))
        .collect();
    let mut needed = BTreeSet::new();
    let mut pending: Vec<String> = set
        .file
        .iter()
        .filter(|file| {
            file.service
                .iter()
                .any(|s| services.contains(&format!("{}.{}", file.package(), s.name()).as_str()))
        })
        .map(|file| file.name().to_string())
        .collect();
    while let Some(name) = pending.pop() {
        if let Some(file) = by_name.get(&name)
            && needed.insert(name)
        {
            pending.extend(file.dependency.iter().cloned());
        }
    }
    FileDescriptorSet {
        file: set
            .file
            .into_iter()
            .filter(|file| needed.contains(file.name()))
            .map(|mut file| {
                let package = file.package().to_string();
                file.service
                    .retain(|s| services.contains(&format!("{package}.{}", s.name()).as_str()));
                file
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surface(listener: Listener) -> Surface {
        Surface::new(listener).unwrap_or_else(|e| panic!("descriptors decode: {e}"))
    }

    #[test]
    fn each_listener_describes_only_its_own_services() {
        for (listener, foreign) in [
            (Listener::Federation, "liaison.v1.FocalPoint"),
            (Listener::Local, "liaison.v1.Federation"),
            (Listener::Federation, "liaison.v1.Account"),
        ] {
            let surface = surface(listener);
            let mut declared: Vec<String> = surface
                .files
                .file
                .iter()
                .flat_map(|f| {
                    f.service
                        .iter()
                        .map(|s| format!("{}.{}", f.package(), s.name()))
                })
                .collect();
            declared.sort();
            let mut expected: Vec<String> =
                listener.services().iter().map(|s| s.to_string()).collect();
            expected.sort();
            assert_eq!(declared, expected, "{listener:?}");
            assert!(
                !surface
                    .methods
                    .values()
                    .any(|m| m.name.starts_with(&format!("{foreign}/"))),
                "{listener:?} serves {foreign}"
            );
        }
        // The federation listener still has what its messages need: the
        // audit file (tree heads, proofs), without the Audit service.
        let federation = surface(Listener::Federation);
        let names: Vec<&str> = federation.files.file.iter().map(|f| f.name()).collect();
        for needed in [
            "liaison/v1/federation.proto",
            "liaison/v1/exchange.proto",
            "liaison/v1/policy.proto",
            "liaison/v1/audit.proto",
        ] {
            assert!(names.contains(&needed), "{needed} missing from {names:?}");
        }
        assert!(
            !names.contains(&"liaison/v1/focal_point.proto"),
            "{names:?}"
        );
    }

    #[test]
    fn methods_are_found_by_path_with_their_shape() {
        let local = surface(Listener::Local);
        let submit = local.method("/liaison.v1.FocalPoint/Submit");
        assert_eq!(
            submit.map(|m| (m.name.as_str(), m.single_request)),
            Some(("liaison.v1.FocalPoint/Submit", true))
        );
        // A server stream still carries one request message.
        assert!(
            local
                .method("/liaison.v1.Audit/Export")
                .is_some_and(|m| m.single_request)
        );
        assert!(
            local
                .method("/grpc.health.v1.Health/Check")
                .is_some_and(|m| m.single_request)
        );
        // Reflection streams its requests.
        for version in ["v1", "v1alpha"] {
            let path = format!("/grpc.reflection.{version}.ServerReflection/ServerReflectionInfo");
            assert!(
                local.method(&path).is_some_and(|m| !m.single_request),
                "{path}"
            );
        }
        // Every local user may ask who they are.
        assert_eq!(
            local
                .method("/liaison.v1.Account/WhoAmI")
                .map(|m| (m.name.as_str(), m.single_request)),
            Some(("liaison.v1.Account/WhoAmI", true))
        );
        assert!(local.method("/liaison.v1.Federation/Deliver").is_none());
        assert!(
            surface(Listener::Federation)
                .method("/liaison.v1.Federation/Deliver")
                .is_some()
        );
    }
}
