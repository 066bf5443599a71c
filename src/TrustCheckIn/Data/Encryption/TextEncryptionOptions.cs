using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace TrustCheckIn.Data.Encryption;

public static class TextEncryptionOptions
{
    // The key ring rides on the context options: the converters are part of the model, so each key ring
    // gets its own model (the cache key below), and a pooled context needs nothing per request.
    public static TBuilder UseTextEncryption<TBuilder>(this TBuilder options, TextKeyRing keys)
        where TBuilder : DbContextOptionsBuilder
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new Extension(keys));
        options.ReplaceService<IModelCacheKeyFactory, KeyRingModelCacheKeyFactory>().AddInterceptors(new PrivateTextSealing(keys));
        return options;
    }

    public static TextKeyRing KeysOf(IDbContextOptions options) =>
        options.FindExtension<Extension>()?.Keys
        ?? throw new InvalidOperationException("AppDbContext needs UseTextEncryption(keys): people's words are never stored unencrypted.");

    private sealed class KeyRingModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context.GetType(), KeysOf(context.GetService<IDbContextOptions>()), designTime);
    }

    private sealed class Extension(TextKeyRing keys) : IDbContextOptionsExtension
    {
        public TextKeyRing Keys => keys;

        public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services)
        {
        }

        public void Validate(IDbContextOptions options)
        {
        }

        // One internal service provider for every key ring: the model cache key keeps their models apart.
        private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;

            public override string LogFragment => "UsingTextEncryption ";

            public override int GetServiceProviderHashCode() => 0;

            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["TrustCheckIn:TextEncryption"] = "1";
        }
    }
}
